package flow

import (
	"bytes"
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/progress"
	"github.com/charmbracelet/bubbles/viewport"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"
	"github.com/hashicorp/hcl/v2"
	"github.com/muesli/termenv"

	"github.com/tokenscope/tokenscope/model"
	"github.com/tokenscope/tokenscope/scenario"
	"github.com/tokenscope/tokenscope/ui/common"
	"github.com/tokenscope/tokenscope/views"
)

// scenarioStep is where the scenario flow is.
type scenarioStep int

const (
	scPick    scenarioStep = iota // choose a pack or a *.hcl file
	scPlan                        // the plan, or the file's diagnostics
	scApply                       // applying: progress bar and event lines
	scSummary                     // the summary table and any failures
)

// scenarioEntry is one line of the picker: arg is what is loaded, name
// what is shown of it (a file's name, printable: scenario.ListDir).
type scenarioEntry struct{ arg, name, about string }

// scenarioFiles are the *.hcl files of the scenario dir, listed off the
// Update loop when the picker opens.
type scenarioFiles struct {
	flow    int64
	entries []scenarioEntry
}

// scenarioLoaded is a scenario read and planned off the Update loop; seq
// tells it from the result of a load the user has since backed out of.
type scenarioLoaded struct {
	flow  int64
	seq   int
	diags []views.Line // the file's errors as HCL prints them; no plan then
	plan  *scenario.Plan
	err   error
}

// scenarioEvent and scenarioDone carry the apply's progress from its
// goroutine to Update, tagged with the flow they belong to.
type scenarioEvent struct {
	flow int64
	ev   model.ApplyEvent
}

type scenarioDone struct {
	flow   int64
	result *model.ApplyResult
}

// Scenario is the TUI's plan-and-apply for scenario files: pick a built-in
// pack or a *.hcl file of pc.ScenarioDir, review the plan, apply it
// with a progress bar and Terraform's step lines, read the summary.
type Scenario struct {
	scope
	pc      *common.ProgramContext
	step    scenarioStep
	entries []scenarioEntry
	cursor  int
	arg     string
	name    string // arg as shown
	// replaceAll plans fresh tokens for every block, as apply
	// --replace-all does: R in the plan turns it on and off.
	replaceAll bool
	loadSeq    int
	// listing: the dir's files are not listed yet; keys typed meanwhile
	// (s jjj in one write) wait in typed, so the cursor counts the files.
	listing bool
	// reading: the plan is being made; typed holds the keys pressed
	// meanwhile (s enter R in one burst), handled once it is shown.
	reading bool
	typed   typeAhead
	plan    *scenario.Plan // nil when the file has errors
	events  chan tea.Msg
	lines   []views.Line
	last    model.ApplyEvent
	result  *model.ApplyResult
	bar     progress.Model
	vp      viewport.Model
	w, h    int

	// planned is when the plan came on screen; early: an enter came
	// sooner than pc.PlanSettle after it (typed ahead) and was not taken.
	planned time.Time
	early   bool
}

// NewScenario starts the flow at the picker: the packs, then (once Init's
// listing is back) the *.hcl files of pc.ScenarioDir (none when it is "").
func NewScenario(pc *common.ProgramContext) common.Component {
	s := &Scenario{scope: newScope(pc), pc: pc, w: pc.Width, h: pc.Height,
		// Glyphs, not colours, show progress: the bar is drawn plain and
		// coloured as a whole by the program's own renderer.
		bar: progress.New(progress.WithColorProfile(termenv.Ascii), progress.WithoutPercentage(), progress.WithFillCharacters('█', '░')),
		vp:  viewport.New(0, 0),
		// Init lists the dir's files: until they come, keys are kept.
		listing: pc.ScenarioDir != "",
	}
	for _, p := range scenario.Packs() {
		s.entries = append(s.entries, scenarioEntry{arg: p, name: p, about: scenario.PackAbout(p)})
	}
	s.SetSize(s.w, s.h)
	return s
}

// listFiles lists the *.hcl files of dir for the picker, each described
// by its header comment.
func listFiles(flow int64, dir string) tea.Cmd {
	return func() tea.Msg {
		msg := scenarioFiles{flow: flow}
		for _, f := range scenario.ListDir(dir) {
			if f.About == "" {
				f.About = "scenario file in " + views.Clean(filepath.Base(mustAbs(dir))) + "/"
			}
			msg.entries = append(msg.entries, scenarioEntry{arg: f.Path, name: f.Name, about: f.About})
		}
		return msg
	}
}

func mustAbs(p string) string {
	abs, err := filepath.Abs(p)
	if err != nil {
		return p
	}
	return abs
}

// Init lists the scenario dir's files, if there is one to list.
func (s *Scenario) Init() tea.Cmd {
	if s.pc.ScenarioDir == "" {
		return nil
	}
	return listFiles(s.id, s.pc.ScenarioDir)
}

// InFlight reports an apply under way: the shell asks before quitting.
func (s *Scenario) InFlight() bool { return s.step == scApply }

// SetSize implements common.Component.
func (s *Scenario) SetSize(w, h int) {
	s.w, s.h = w, h
	s.vp.Width, s.vp.Height = max(w-2, 10), max(h-5, 3) // title, blank, blank, hint
	s.bar.Width = max(min(w-20, 60), 10)
	s.refreshContent()
}

// Update implements tea.Model.
func (s *Scenario) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if isQuit(msg) && !s.InFlight() {
		return s, s.cancelled()
	}
	switch msg := msg.(type) {
	case scenarioFiles:
		if msg.flow == s.id && s.listing {
			s.entries, s.listing = append(s.entries, msg.entries...), false
			cmd := s.typed.drain(s.Update, nil)
			s.refreshContent()
			return s, cmd
		}
		return s, nil
	case scenarioLoaded:
		if msg.flow == s.id && msg.seq == s.loadSeq && s.step == scPlan {
			s.loaded(msg)
			return s, s.typed.drain(s.Update, nil)
		}
		return s, nil
	}
	k := s.pc.Keys
	switch s.step {
	case scPick:
		if km, ok := msg.(tea.KeyMsg); ok && s.listing && !keyIs(msg, k.Back) {
			s.typed.keep(km)
			return s, nil
		}
		switch {
		case keyIs(msg, k.Back):
			return s, s.cancelled()
		case keyIs(msg, k.Top):
			s.cursor = 0
		case keyIs(msg, k.Bottom):
			s.cursor = max(len(s.entries)-1, 0)
		case keyIs(msg, k.Up):
			s.cursor = max(s.cursor-1, 0)
		case keyIs(msg, k.Down):
			s.cursor = min(s.cursor+1, len(s.entries)-1)
		case keyIs(msg, k.Open) && len(s.entries) > 0:
			s.replaceAll = false
			e := s.entries[s.cursor]
			s.name = e.name
			return s, s.load(e.arg)
		}
	case scPlan:
		if km, ok := msg.(tea.KeyMsg); ok && s.reading && !keyIs(msg, k.Back) {
			s.typed.keep(km)
			return s, nil
		}
		switch {
		case keyIs(msg, k.Back):
			s.step, s.reading, s.typed = scPick, false, typeAhead{}
		case keyIs(msg, k.ReplaceAll) && s.plan != nil:
			s.replaceAll = !s.replaceAll
			return s, s.load(s.arg)
		case keyIs(msg, k.Confirm) && s.plan != nil && len(s.plan.Changes) > 0:
			// Not an enter that came with the keys that opened the plan
			// ("s enter enter" in one write), as planView.confirm.
			if s.early = !s.pc.Settled(s.planned); s.early {
				return s, nil
			}
			return s, s.apply()
		default:
			return s, s.scroll(msg)
		}
	case scApply:
		switch msg := msg.(type) {
		case scenarioEvent:
			if msg.flow == s.id {
				s.addEvent(msg.ev)
				s.refreshContent()
				if msg.ev.Kind == model.ApplyStarted {
					return s, s.next()
				}
				return s, tea.Batch(s.next(), wrote) // a step landed in the state
			}
		case scenarioDone:
			if msg.flow == s.id {
				if s.stopped {
					return s, s.finish(nil, s.name+": "+views.ApplyCancelled(msg.result, len(s.plan.Changes)), false)
				}
				s.result, s.step = msg.result, scSummary
				s.refreshContent()
				s.vp.GotoTop()
				return s, wrote
			}
		default:
			if keyIs(msg, k.Cancel) {
				s.cancelRequest() // the step in flight ends, the rest is not sent
			}
		}
	case scSummary:
		if keyIs(msg, k.Close) {
			return s, s.finish(nil, s.name+": "+views.ApplyClosing(s.result), false)
		}
		return s, s.scroll(msg)
	}
	s.refreshContent()
	return s, nil
}

// addEvent shows one line per change: "Creating..." while it runs, then
// how it ended in its place.
func (s *Scenario) addEvent(e model.ApplyEvent) {
	s.last = e
	n := len(s.lines)
	if e.Kind != model.ApplyStarted && n > 0 && s.lines[n-1] == views.ApplyStep(model.ApplyEvent{Change: e.Change}) {
		s.lines[n-1] = views.ApplyStep(e)
		return
	}
	s.lines = append(s.lines, views.ApplyStep(e))
}

// load goes to the plan step at once and reads and plans arg off the
// Update loop: a file and the whole state take longer than a keystroke.
func (s *Scenario) load(arg string) tea.Cmd {
	s.arg, s.plan, s.step, s.reading = arg, nil, scPlan, true
	s.loadSeq++
	s.vp.SetContent(s.pc.Styles.Muted.Render("reading " + s.name + "…"))
	msg := scenarioLoaded{flow: s.id, seq: s.loadSeq}
	sess, width, opts := s.pc.Session, max(s.w-4, 20), scenario.PlanOptions{ReplaceAll: s.replaceAll}
	return func() tea.Msg {
		f, diags := scenario.Load(arg)
		if diags.HasErrors() {
			msg.diags = diagnosticLines(f, diags, width)
			return msg
		}
		msg.plan, msg.err = sess.Plan(context.Background(), f, opts)
		return msg
	}
}

// loaded shows what load found: the file's errors, a failure to read the
// state, or the plan.
func (s *Scenario) loaded(msg scenarioLoaded) {
	st := s.pc.Styles
	s.plan, s.planned, s.early, s.reading = msg.plan, s.pc.Now(), false, false
	switch {
	case len(msg.diags) > 0:
		s.vp.SetContent(strings.Join(common.StyleLines(st, msg.diags, 0), "\n") + "\n\n" + st.Muted.Render("nothing was sent"))
	case msg.err != nil:
		s.vp.SetContent(common.RenderError(s.pc, msg.err, s.vp.Width))
	default:
		s.refreshContent()
	}
	s.vp.GotoTop()
}

// diagnosticLines are the scenario's diagnostics as HCL writes them,
// wrapped to width, each error's "Error:" header an error line led by the
// glyph, with card and id numbers masked.
func diagnosticLines(f *scenario.File, diags hcl.Diagnostics, width int) []views.Line {
	var out []views.Line
	for _, d := range scenario.Shown(diags) {
		var b bytes.Buffer
		_ = f.WriteDiagnostics(&b, hcl.Diagnostics{d}, uint(width))
		text := model.MaskSecrets(b.String())
		head, body, _ := strings.Cut(text, "\n")
		line := views.Line{Text: head}
		if d.Severity == hcl.DiagError {
			line = views.Line{Kind: views.Failed, Text: views.GlyphError + " " + strings.TrimPrefix(head, "Error: ")}
		}
		out = append(out, line)
		for _, l := range strings.Split(body, "\n") {
			out = append(out, views.Line{Text: l})
		}
	}
	for len(out) > 0 && out[len(out)-1].Text == "" {
		out = out[:len(out)-1]
	}
	return out
}

// apply runs the plan in a goroutine; its events come back one message at
// a time through s.events, so the UI never blocks on a request.
func (s *Scenario) apply() tea.Cmd {
	s.step, s.lines = scApply, nil
	s.events = make(chan tea.Msg, 16)
	// The apply runs under a context of its own, which esc cancels; its
	// events are sent under the flow's, so the result still arrives.
	actx, stop := context.WithCancel(s.ctx)
	s.stop, s.sent, s.stopped = stop, s.pc.Now(), false
	sess, p, id, ch, ctx := s.pc.Session, s.plan, s.id, s.events, s.ctx
	go runApply(ctx, ch, id, func(emit func(model.ApplyEvent)) *model.ApplyResult {
		defer stop()
		return sess.Apply(actx, p, emit)
	})
	s.refreshContent()
	return s.next()
}

// runApply runs apply and sends its events, then its result, to events.
// Once ctx ends (the flow is closed, the program quits) nobody reads
// events any more: the sends give up, apply sees ctx and stops, and the
// goroutine ends.
func runApply(ctx context.Context, events chan<- tea.Msg, flow int64, apply func(emit func(model.ApplyEvent)) *model.ApplyResult) {
	send := func(m tea.Msg) {
		select {
		case events <- m:
		case <-ctx.Done():
		}
	}
	r := apply(func(e model.ApplyEvent) { send(scenarioEvent{flow: flow, ev: e}) })
	send(scenarioDone{flow: flow, result: r})
}

// next waits for the apply's next message, or for the flow to be closed.
func (s *Scenario) next() tea.Cmd {
	ch, ctx := s.events, s.ctx
	return func() tea.Msg {
		select {
		case m := <-ch:
			return m
		case <-ctx.Done():
			return nil
		}
	}
}

// scroll passes paging keys to the viewport.
func (s *Scenario) scroll(msg tea.Msg) tea.Cmd {
	var cmd tea.Cmd
	s.vp, cmd = s.vp.Update(msg)
	return cmd
}

// refreshContent lays the current step's text into the viewport.
func (s *Scenario) refreshContent() {
	st := s.pc.Styles
	switch s.step {
	case scPlan:
		if s.plan == nil {
			return // diagnostics or an error, set by load
		}
		if len(s.plan.Changes) == 0 {
			about := ""
			if s.plan.About != "" {
				about = st.Muted.Render(common.Wrap("# "+s.plan.About, s.vp.Width)) + "\n\n"
			}
			s.vp.SetContent(about + st.Add.Render(views.NoChanges) + "\n\n" + st.Muted.Render(fmt.Sprintf("%d tokens already in the state", len(s.plan.Unchanged))))
			return
		}
		lines := views.PlanLines(s.plan.Plan)
		if s.replaceAll {
			lines = append([]views.Line{{Kind: views.Muted, Text: "# replace all (apply --replace-all): a fresh token for every block"}}, lines...)
		}
		s.vp.SetContent(strings.Join(common.StyleLines(st, lines, s.vp.Width), "\n"))
	case scApply:
		// Each step wraps under its text, past the glyph, so a charge's id
		// and its decline code are read whole, not cut.
		lines := common.StyleLines(st, s.lines, s.vp.Width)
		if keep := s.vp.Height - 3; len(lines) > keep {
			lines = lines[len(lines)-max(keep, 1):]
		}
		frac := 0.0
		if s.last.Total > 0 {
			frac = float64(s.last.Done) / float64(s.last.Total)
		}
		s.vp.SetContent(st.Status.Render(s.bar.ViewAs(frac)) + fmt.Sprintf("  %d/%d changes", s.last.Done, s.last.Total) +
			"\n\n" + strings.Join(lines, "\n"))
	case scSummary:
		var b bytes.Buffer
		_ = views.WriteApplySummary(&b, s.result, s.vp.Width)
		text := b.String()
		for _, row := range s.result.Failed() {
			text += "\n" + st.ErrorTitle.Render("token."+row.Name) + "\n" + common.RenderError(s.pc, row.Err, s.vp.Width) + "\n"
		}
		if len(s.result.Failed()) > 0 {
			text += "\n" + st.Error.Render(common.GlyphError+" "+views.ApplyClosing(s.result))
		}
		s.vp.SetContent(text)
	}
}

// View implements tea.Model.
func (s *Scenario) View() string {
	st := s.pc.Styles
	title := " Scenarios"
	if s.step != scPick {
		title += "  " + st.Muted.Render(s.name)
	}
	if s.step == scPlan && s.plan != nil && len(s.plan.Changes) > 0 {
		add, change, destroy := s.plan.Counts()
		title += "  " + st.Add.Render(fmt.Sprintf("Plan: %d to add, %d to change, %d to destroy.", add, change, destroy))
	}
	if s.step == scPick {
		return st.Header.Render(title) + "\n\n" + indent(s.pickerView())
	}
	return st.Header.Render(title) + "\n\n" + indent(s.vp.View()) + "\n\n" + indent(st.Muted.Render(s.hint()))
}

// hint is the line under the viewport: what is going on, and where in a
// long text the viewport is. The keys are in the shell's footer only.
func (s *Scenario) hint() string {
	switch {
	case s.step == scPlan && s.early:
		return earlyNote
	case s.step == scApply && s.stopped:
		return "cancelling… the step in flight ends, the rest is not sent"
	case s.step == scApply:
		return "applying… every step is recorded in the state as it completes"
	case s.vp.TotalLineCount() <= s.vp.Height:
		return ""
	case s.vp.AtBottom():
		return "↑ more above"
	}
	return fmt.Sprintf("↓ more below (%d%%)", int(s.vp.ScrollPercent()*100))
}

// replaceKey is R as the footer names it: replace all, or keep the
// tokens again.
func (s *Scenario) replaceKey() key.Binding {
	if !s.replaceAll {
		return s.pc.Keys.ReplaceAll
	}
	return key.NewBinding(key.WithKeys(s.pc.Keys.ReplaceAll.Keys()...), key.WithHelp(s.pc.Keys.ReplaceAll.Help().Key, "keep tokens"))
}

func (s *Scenario) pickerView() string {
	st := s.pc.Styles
	var b strings.Builder
	width := 0
	for _, e := range s.entries {
		width = max(width, utf8.RuneCountInString(e.name)) // as %-*s pads
	}
	full := "" // the selected entry's description, when its line is cut
	for i, e := range s.entries {
		line := fmt.Sprintf("%s %-*s  %s", " ", width, e.name, st.Muted.Render(e.about))
		if i == s.cursor {
			line = st.RowSelected.Render(fmt.Sprintf("%s %-*s", common.GlyphSelected, width, e.name)) + "  " + st.Muted.Render(e.about)
		}
		cut := ansi.Truncate(line, max(s.w-2, 10), "…")
		if i == s.cursor && cut != line {
			full = e.name + ": " + e.about
		}
		b.WriteString(cut + "\n")
	}
	if full != "" {
		b.WriteString("\n" + st.Muted.Render(common.Wrap(full, max(s.w-2, 10))) + "\n")
	}
	if dir := s.pc.ScenarioDir; dir != "" {
		where := views.Clean(dir) + "/"
		if dir == "." {
			where = "the working directory"
		}
		hint := "scenario files (*.hcl) in " + where + " are listed after the packs"
		b.WriteString("\n" + st.Muted.Render(ansi.Wordwrap(hint, max(s.w-2, 10), " ")))
	}
	return strings.TrimSuffix(b.String(), "\n")
}

// ShortHelp implements help.KeyMap.
func (s *Scenario) ShortHelp() []key.Binding {
	k := s.pc.Keys
	switch s.step {
	case scPick:
		plan := k.Open
		plan.SetHelp("enter", "plan")
		return []key.Binding{k.Up, k.Down, plan, k.Back}
	case scPlan:
		switch {
		case s.plan != nil && len(s.plan.Changes) > 0:
			return []key.Binding{k.Confirm, s.replaceKey(), k.PageDown, k.PageUp, k.Back}
		case s.plan != nil:
			return []key.Binding{s.replaceKey(), k.Back}
		}
		return []key.Binding{k.Back}
	case scApply:
		cancel := k.Cancel
		cancel.SetHelp("esc", "cancel the apply")
		return []key.Binding{cancel, k.Quit}
	case scSummary:
		return []key.Binding{k.Close, k.PageDown, k.PageUp}
	}
	return nil
}

// FullHelp implements help.KeyMap.
func (s *Scenario) FullHelp() [][]key.Binding { return [][]key.Binding{s.ShortHelp()} }
