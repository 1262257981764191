package flow

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"unicode"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/huh"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"

	"github.com/tokenscope/tokenscope/model"
	"github.com/tokenscope/tokenscope/ui/common"
)

// spec is what a form asks for. Its fields are bound to values that
// outlive any one huh.Form, so the form can be built again (esc from the
// plan, a failed request) with everything the user typed kept.
type spec[R any] interface {
	// groups builds the huh groups over the values; a preset list may be
	// presetRows high and width wide.
	groups(presetRows, width int) []*huh.Group
	// sync runs after every update: a preset newly chosen fills the
	// fields. It reports whether it changed any.
	sync() bool
	// request builds the request from the values and checks it whole.
	request() (R, error)
}

// advancer is a spec in several groups where enter on some fields goes on
// to the next group rather than to the plan.
type advancer interface {
	advance(focused huh.Field) bool
}

// numberSpec is a spec whose preset list takes digits typed on it as
// the number of the field under it (kindForm.ownNumber): a card number
// typed there is not a filter (no preset name starts with a digit), and
// it filtered to a preset whose number was planned.
type numberSpec interface{ ownNumber() bool }

// errNoPreset is enter on a filter no preset matches: it planned the
// preset hovered before the filter emptied the list.
var errNoPreset = errors.New("no preset matches the filter: esc clears it, tab goes to the fields")

// custom is the preset entry that keeps the fields as typed.
const custom = "custom"

// labelWidth aligns the titles of inline fields.
const labelWidth = 11

// placeholder marks an example shown in an empty field as one: without
// colour (NO_COLOR) a dim "tok_visa" reads as a value already typed.
func placeholder(s string) string { return "e.g. " + s }

// label pads an inline field's title so the values line up; a title as
// wide as the column still gets a space before its value ("Account
// (acct_…)acct_1Qx" ran together).
func label(s string) string { return fmt.Sprintf("%-*s ", labelWidth-1, s) }

// input is an inline text field bound to v, taking at most limit
// characters (a paste is cut there), and checked by check (nil: none).
func input(title string, limit int, v *string, check func(string) error) *huh.Input {
	in := huh.NewInput().Title(label(title)).Inline(true).Prompt("").Value(v).CharLimit(limit)
	if check != nil {
		in.Validate(check)
	}
	return in
}

// secret is an input whose value is never echoed: a CVC or an id number.
func secret(title string, limit int, v *string, check func(string) error) *huh.Input {
	return input(title, limit, v, check).EchoMode(huh.EchoModePassword)
}

// presetPicker lists presets with what each is expected to do, "custom"
// last. Choosing one fills the other fields (kindForm.sync).
// Each option is one line, cut to width, so the list never jumps.
func presetPicker(v *string, rows, width int, names, expects []string) *presetSelect {
	nameWidth := 0
	for _, n := range names {
		nameWidth = max(nameWidth, len(n))
	}
	cut := map[string]string{} // what each option cut says in full
	option := func(name, expect string) huh.Option[string] {
		line := fmt.Sprintf("%-*s  %s", nameWidth, name, expect)
		key := ansi.Truncate(line, max(width-6, 20), "…")
		if key != line {
			cut[name] = name + ": " + expect
		}
		return huh.NewOption(key, name)
	}
	opts := make([]huh.Option[string], 0, len(names)+1)
	for i, n := range names {
		opts = append(opts, option(n, expects[i]))
	}
	opts = append(opts, option(custom, "the fields as typed"))
	sel := huh.NewSelect[string]().Title("Preset").Options(opts...).Value(v).Height(rows + 1)
	return &presetSelect{Select: sel, value: v, opts: opts, height: rows + 1, cut: cut}
}

// presetSelect is huh's Select of presets, made to fit a list of 35:
//
//   - focused, it is as tall as the form has room for (form.fit), and
//     typing a letter or digit filters it (huh's own filter, which "/"
//     starts too; esc clears it); j, k, g and G still move;
//   - blurred, it is one line, "Preset  insufficient_funds  declines…":
//     the list with no cursor did not say which preset was chosen;
//   - the end of its list is drawn whole. huh v1.0.0 scrolls the hovered
//     option to the top of its window on every update, so End (or up from
//     the first preset) showed "custom" alone above blank rows. Near the
//     end, View draws the last window-full of options through a Select of
//     just those (huh's own rendering, no scrolling), and Update makes End
//     choose what it hovers, as the other moves do.
type presetSelect struct {
	*huh.Select[string]
	value   *string
	opts    []huh.Option[string]
	height  int // title and window
	width   int
	theme   *huh.Theme
	keys    huh.SelectKeyMap
	focused bool
	// cut are the options cut to the width, by value: the one hovered is
	// said in full under the list (inFull).
	cut map[string]string
	// tallest is how many lines the longest of cut wraps to at width
	// tallestAt: worked out once per width, not on every frame.
	tallest, tallestAt int
}

// inFull is the hovered preset's line in full, wrapped to w, when the
// list cut it; as many lines as the longest such (blank ones after a
// shorter), so the list under the cursor does not jump as it moves.
func (p *presetSelect) inFull(w int) []string {
	if !p.focused || len(p.cut) == 0 {
		return nil
	}
	if p.tallest == 0 || p.tallestAt != w {
		p.tallest, p.tallestAt = 0, w
		for _, s := range p.cut {
			p.tallest = max(p.tallest, len(strings.Split(common.Wrap(s, w), "\n")))
		}
	}
	var out []string
	if v, ok := p.Hovered(); ok && p.cut[v] != "" {
		out = strings.Split(common.Wrap(p.cut[v], w), "\n")
	}
	for len(out) < p.tallest {
		out = append(out, "")
	}
	return out
}

// Update implements huh.Field.
func (p *presetSelect) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	chosen := *p.value
	if k, ok := msg.(tea.KeyMsg); ok && p.focused {
		switch {
		case p.GetFiltering() && k.Type == tea.KeyEsc:
			p.clearFilter()
			return p, nil
		case p.startsFilter(k):
			p.fromTop()
			p.Select.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{'/'}})
		case p.GetFiltering() && editsFilter(k), key.Matches(k, p.keys.Filter) && !p.GetFiltering():
			p.fromTop()
		}
	}
	_, cmd := p.Select.Update(msg)
	if v, ok := p.Hovered(); ok {
		*p.value = v // huh's End moves the cursor without choosing
	} else {
		*p.value = chosen // a filter that matches nothing chooses nothing
	}
	return p, cmd
}

// fromTop puts huh's cursor on the first preset before a filter begins or
// changes, so that the filter starts at its first match. huh keeps the
// cursor's place in the filtered list (the last match when it was lower)
// and scrolls it to the top of its window: "thr" typed with the cursor
// on processing_error showed its last match alone, the others above it.
// huh selects by value, in the whole list.
func (p *presetSelect) fromTop() {
	*p.value = p.opts[0].Value
	p.Select.Value(p.value)
}

// editsFilter reports a key that changes the filter's text: typing (j and
// k are letters there) and the text field's deletes.
func editsFilter(k tea.KeyMsg) bool {
	t := textinput.DefaultKeyMap
	return k.Type == tea.KeyRunes || key.Matches(k, t.DeleteCharacterBackward, t.DeleteCharacterForward,
		t.DeleteWordBackward, t.DeleteWordForward, t.DeleteAfterCursor, t.DeleteBeforeCursor, t.Paste)
}

// startsFilter reports typing that begins filtering the list: text led
// by a letter, digit or underscore (what preset names are made of), but
// for a single key that moves (j, k, g, G).
func (p *presetSelect) startsFilter(k tea.KeyMsg) bool {
	if p.GetFiltering() || k.Type != tea.KeyRunes || len(k.Runes) == 0 || k.Alt {
		return false
	}
	r := k.Runes[0]
	if !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '_' {
		return false
	}
	s := p.keys
	return len(k.Runes) > 1 || !key.Matches(k, s.Up, s.Down, s.GotoTop, s.GotoBottom, s.Filter)
}

// clearFilter ends filtering and shows the whole list again, the preset
// hovered still chosen. huh's own esc only stops the typing (SetFilter),
// a second clears the filter (ClearFilter); its cursor then still counts
// in the filtered list, so it is put back on the chosen preset.
func (p *presetSelect) clearFilter() {
	esc := tea.KeyMsg{Type: tea.KeyEsc}
	if p.GetFiltering() {
		p.Select.Update(esc)
	}
	p.Select.Update(esc)
	p.Select.Value(p.value)
}

// View implements huh.Field.
func (p *presetSelect) View() string {
	if !p.focused {
		return p.summary()
	}
	rows := p.height - 1
	last := len(p.opts) - rows
	v, _ := p.Hovered()
	i := slices.IndexFunc(p.opts, func(o huh.Option[string]) bool { return o.Value == v })
	if rows < 1 || last < 0 || i <= last || p.GetFiltering() {
		return p.Select.View() // huh's window is full from the hovered option down
	}
	tail := huh.NewSelect[string]().Title("Preset").Options(p.opts[last:]...).Value(&v).WithWidth(p.width)
	if p.theme != nil {
		tail.WithTheme(p.theme)
	}
	tail.Focus()
	return tail.View()
}

// summary is the blurred picker: one line with the chosen preset and what
// it does, drawn as huh draws the inline fields under it.
func (p *presetSelect) summary() string {
	text := *p.value
	if i := slices.IndexFunc(p.opts, func(o huh.Option[string]) bool { return o.Value == *p.value }); i >= 0 {
		// One line: past the border, the label and the cursor's cell.
		text = ansi.Truncate(p.opts[i].Key, max(p.width-labelWidth-4, 10), "…")
	}
	in := huh.NewInput().Title(label("Preset")).Inline(true).Prompt("").Value(&text).WithWidth(p.width)
	if p.theme != nil {
		in.WithTheme(p.theme)
	}
	return in.View()
}

// rows is the height of the list's window.
func (p *presetSelect) rows() int { return p.height - 1 }

// Focus, Blur and the With methods keep what View needs to draw the tail
// as huh would. Blur clears a filter: the list is whole when focus comes
// back.
func (p *presetSelect) Focus() tea.Cmd {
	p.focused = true
	p.Select.Value(p.value) // the fields may have chosen it since (kindForm.follow)
	return p.Select.Focus()
}
func (p *presetSelect) Blur() tea.Cmd {
	p.clearFilter()
	p.focused = false
	return p.Select.Blur()
}
func (p *presetSelect) WithTheme(t *huh.Theme) huh.Field {
	p.theme = t
	p.Select.WithTheme(t)
	return p
}
func (p *presetSelect) WithWidth(w int) huh.Field {
	p.width = w
	p.Select.WithWidth(w)
	return p
}
func (p *presetSelect) WithHeight(h int) huh.Field {
	p.height = h
	p.Select.WithHeight(h)
	return p
}

// WithKeyMap gives the list huh's filter, which the form turns off for
// its other selects (their esc would clash with the flow's).
func (p *presetSelect) WithKeyMap(k *huh.KeyMap) huh.Field {
	km := *k
	km.Select.Filter = huh.NewDefaultKeyMap().Select.Filter
	p.keys = km.Select
	p.Select.WithKeyMap(&km)
	return p
}

// check adapts a model validator to huh's func(string) error, minding the
// typed-nil trap of returning a nil *FieldError as an error.
func check(fn func(string) *model.FieldError) func(string) error {
	return func(s string) error { return fieldErr(fn(s)) }
}

// fieldErr turns a *FieldError that may be nil into an error that is nil,
// worded as a form shows it (formError).
func fieldErr(fe *model.FieldError) error {
	if fe == nil {
		return nil
	}
	return formError{fe}
}

// formError is a refusal as a form shows it: its text and, where its
// explanation has a next step of the TUI's own (model.Explanation.TUI),
// that step. A check's message gives no advice: the CLI's names a flag
// (--allow-any-number) the form has no field for.
type formError struct{ err error }

func (e formError) Error() string {
	text := e.err.Error()
	if x, ok := model.Explained(e.err); ok && x.NextTUI != "" {
		text += "; " + x.NextTUI
	}
	return text
}

func (e formError) Unwrap() error { return e.err }

// redraw is a message no field answers to; passing it through a huh form
// makes it render its group again.
type redraw struct{}

// form is a spec on screen: the huh.Form over it, and the error of the
// last attempt to review the plan.
type form[R any] struct {
	st   *common.Styles
	spec spec[R]
	huh  *huh.Form
	km   *huh.KeyMap
	err  error
	w, h int
}

func newForm[R any](st *common.Styles, sp spec[R], w, h int) *form[R] {
	f := &form[R]{st: st, spec: sp, w: w, h: h}
	f.build()
	return f
}

// build makes a fresh huh.Form over the kept values (a completed huh.Form
// cannot be edited again).
func (f *form[R]) build() tea.Cmd {
	rows := max(3, min(12, f.h-11))
	km := huh.NewDefaultKeyMap()
	// esc and ctrl+c belong to the flow; the filter's esc would clash.
	km.Quit = key.NewBinding(key.WithDisabled())
	km.Select.Filter = key.NewBinding(key.WithDisabled())
	f.km = km
	// The form's height is the room it has, so huh never scrolls it (a
	// group sized to its content when built would cut the preset list
	// once it grew); field errors are drawn by view, under the fields,
	// not by huh under the padding of that height.
	f.huh = huh.NewForm(f.spec.groups(rows, f.w)...).
		WithShowHelp(false).
		WithShowErrors(false).
		WithTheme(f.st.Form).
		WithKeyMap(km).
		WithWidth(f.w).
		WithHeight(f.h)
	f.huh.Update(tea.WindowSizeMsg{Width: f.w, Height: f.h})
	cmd := f.huh.Init()
	f.fit()
	return cmd
}

// fit makes a focused preset list as tall as the form's room allows: the
// rows the other fields and any error leave, no more than it has options.
func (f *form[R]) fit() {
	p, ok := f.huh.GetFocusedField().(*presetSelect)
	if !ok || f.huh.State != huh.StateNormal {
		return
	}
	rows := min(max(p.rows()+f.h-lipgloss.Height(f.view()), 3), len(p.opts))
	if rows != p.rows() {
		p.WithHeight(rows + 1)
		f.huh.Update(redraw{}) // huh sizes a list's window as it updates
	}
}

// resize fits the form to a new size, focus and values kept.
func (f *form[R]) resize(w, h int) {
	f.w, f.h = w, h
	if f.huh == nil {
		f.build()
		return
	}
	f.huh = f.huh.WithWidth(w).WithHeight(h)
	f.huh.Update(tea.WindowSizeMsg{Width: w, Height: h})
	f.fit()
}

// update passes a message to the huh form. review is true when the user
// asked for the plan (enter, or tab past the last field) and the request
// passed its checks.
func (f *form[R]) update(msg tea.Msg, enter key.Binding) (req R, review bool, cmd tea.Cmd) {
	defer f.fit()
	if keyIs(msg, enter) {
		if p, ok := f.huh.GetFocusedField().(*presetSelect); ok && p.GetFiltering() {
			if _, ok := p.Hovered(); !ok {
				f.err = errNoPreset
				return req, false, nil
			}
		}
		if a, ok := f.spec.(advancer); ok && a.advance(f.huh.GetFocusedField()) {
			return req, false, f.huh.NextGroup() // at once, as moveNow does
		}
		req, review = f.review()
		return req, review, nil
	}
	if huhMove(msg) {
		return req, false, nil // moveNow made this move already
	}
	if _, ok := msg.(tea.KeyMsg); ok {
		f.err = nil
	}
	if cmd, ok := f.numberOnPresets(msg); ok {
		return req, false, cmd
	}
	focused := f.huh.GetFocusedField()
	_, cmd = f.huh.Update(msg)
	cmd = tea.Batch(cmd, f.moveNow(msg, focused))
	if f.spec.sync() {
		// huh renders a group while updating it: render again with the
		// values the preset filled in.
		f.huh.Update(redraw{})
	}
	if f.huh.State == huh.StateCompleted {
		req, review = f.review()
		return req, review, tea.Batch(cmd, f.build())
	}
	return req, false, cmd
}

// numberOnPresets takes digits typed on the preset list, no filter
// begun, as a number of the user's own (numberSpec): the list leaves
// its cursor on custom, the focus moves to the field under it at once
// (as moveNow moves it), and the digits land there.
func (f *form[R]) numberOnPresets(msg tea.Msg) (tea.Cmd, bool) {
	k, ok := msg.(tea.KeyMsg)
	if !ok || k.Type != tea.KeyRunes || k.Alt || len(k.Runes) == 0 || !unicode.IsDigit(k.Runes[0]) {
		return nil, false
	}
	p, ok := f.huh.GetFocusedField().(*presetSelect)
	if !ok || p.GetFiltering() {
		return nil, false
	}
	if n, ok := f.spec.(numberSpec); !ok || !n.ownNumber() {
		return nil, false
	}
	p.Select.Value(p.value)
	_, moved := f.huh.Update(huh.NextField())
	_, typed := f.huh.Update(msg)
	return tea.Batch(moved, typed), true
}

// moveNow makes the focus move that tab or shift+tab asked for at once.
// huh moves the focus through commands (its field returns NextField, its
// group nextGroup past its last field), which come back as messages, so
// keys that arrived with the tab, already queued before those messages
// (tmux send-keys "Tab Tab Y", a paste, a laggy SSH link), landed in the
// field being left: Y went into Number, not Expires; in the use form the
// digits of an amount went to the choice of use, and ctrl+u (meant to
// clear the amount) moved that choice. The move, from field to field or
// from group to group, is made here, in the same update, and the messages
// huh sends for it later are dropped (huhMove). A field that refused to be
// left (its value is invalid: huh shows the error and sends nothing) keeps
// the focus.
func (f *form[R]) moveNow(msg tea.Msg, focused huh.Field) tea.Cmd {
	var move tea.Msg
	switch k, ok := msg.(tea.KeyMsg); {
	case !ok:
		return nil
	case key.Matches(k, f.km.Input.Next, f.km.Select.Next):
		move = huh.NextField()
	case key.Matches(k, f.km.Input.Prev, f.km.Select.Prev):
		if !key.Matches(k, focused.KeyBinds()...) {
			// The first field: huh turns its back key off there, and
			// moving back from it blurred it in place.
			return nil
		}
		move = huh.PrevField()
	default:
		return nil
	}
	if f.huh.State != huh.StateNormal || f.huh.GetFocusedField() != focused || focused.Error() != nil {
		return nil
	}
	_, cmd := f.huh.Update(move)
	if f.huh.GetFocusedField() != focused {
		return cmd
	}
	// The group's last field (first, going back): huh blurred it and asked
	// for the next group by a command. Go there now; the new group focuses
	// its field as it opens.
	if move == huh.NextField() {
		return tea.Batch(cmd, f.huh.NextGroup())
	}
	return tea.Batch(cmd, f.huh.PrevGroup())
}

// huhMove reports huh's own focus messages: NextField, PrevField, and
// the group moves, whose types huh does not export (huh v1.0.0 names them
// nextGroupMsg and prevGroupMsg; TestUseFormTabThenDigit fails if that
// changes). Every one answers a tab or shift+tab that moveNow has already carried
// out, or an enter the form handles itself.
func huhMove(msg tea.Msg) bool {
	if msg == huh.NextField() || msg == huh.PrevField() {
		return true
	}
	switch fmt.Sprintf("%T", msg) {
	case "huh.nextGroupMsg", "huh.prevGroupMsg":
		return true
	}
	return false
}

// review checks the request as Stripe would. A field error huh already
// shows is not repeated.
func (f *form[R]) review() (R, bool) {
	req, err := f.spec.request()
	if err != nil {
		if len(f.huh.Errors()) == 0 {
			f.err = err
		}
		return req, false
	}
	return req, true
}

// typing reports a text field with the focus (not a select), or the
// preset list's filter.
func (f *form[R]) typing() bool {
	_, ok := f.huh.GetFocusedField().(*huh.Input)
	return ok || f.filtering()
}

// presets reports the preset list with the focus.
func (f *form[R]) presets() bool {
	_, ok := f.huh.GetFocusedField().(*presetSelect)
	return ok
}

// filtering reports the preset list being filtered: esc then clears the
// filter rather than leaving the form.
func (f *form[R]) filtering() bool {
	p, ok := f.huh.GetFocusedField().(*presetSelect)
	return ok && p.GetFiltering()
}

func (f *form[R]) view() string {
	v := strings.TrimRight(f.huh.View(), "\n ")
	if p, ok := f.huh.GetFocusedField().(*presetSelect); ok {
		if full := p.inFull(f.w - 2); full != nil {
			v += "\n" + f.st.Muted.Render(strings.Join(full, "\n"))
		}
	}
	errs := f.huh.Errors()
	if f.err != nil {
		errs = append(errs, formError{f.err})
	}
	for i, err := range errs {
		if i == 0 {
			v += "\n"
		}
		// Wrapped, not cut: the end of a message is often its hint.
		v += "\n" + f.st.Error.Render(common.Wrap(common.GlyphError+" "+err.Error(), f.w-2))
	}
	return v
}
