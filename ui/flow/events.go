package flow

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textinput"
	"github.com/charmbracelet/bubbles/viewport"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"github.com/tokenscope/tokenscope/model"
	"github.com/tokenscope/tokenscope/service"
	"github.com/tokenscope/tokenscope/ui/common"
	"github.com/tokenscope/tokenscope/views"
)

// eventsShown bounds the events the view keeps: the newest, as the
// timeline has always shown.
const eventsShown = 200

// Events is the events view: a token's timeline (e: its events and those
// of all it became) or the workspace's (E), newest first, with each
// event's deliveries in brief. It is live: a new event shows as it is
// made (offline, by any tokenscope on the state dir; against Stripe,
// polled while the view is open), the selection staying on its event.
// Typing filters by type; enter opens an event (its request, what it
// changed, every delivery), and enter there the object it is about, in
// an object pane that esc closes back to the event. y and J, in the list
// and an event, copy its ids and show its JSON (events_copyjson.go).
type Events struct {
	scope
	pc     *common.ProgramContext
	forID  string // the token whose timeline this is; "" the workspace's
	feed   *service.EventFeed
	evs    []model.Event // newest first
	dels   map[string][]views.Delivered
	read   bool  // the first read came back
	err    error // the first read's failure
	sel    string
	top    int // the first row shown
	query  textinput.Model
	typing bool
	// open is the event whose detail is shown, in pane; obj the object
	// pane opened from it.
	open *model.Event
	pane viewport.Model
	obj  common.Component
	// early are the keys pressed before the first read came back (E j j
	// in one burst): they are handled once there are rows to move on.
	early []tea.KeyMsg
	shown shownRows
	w, h  int
}

// NewEvents opens the timeline of the token id, or with id "" the
// workspace's events.
func NewEvents(pc *common.ProgramContext, id string) common.Component {
	q := textinput.New()
	q.Prompt = "/ type: "
	q.PromptStyle, q.TextStyle = pc.Styles.Key, pc.Styles.Value
	e := &Events{scope: newScope(pc), pc: pc, forID: id, query: q, dels: map[string][]views.Delivered{},
		pane: viewport.New(0, 0), w: pc.Width, h: pc.Height}
	e.SetSize(pc.Width, pc.Height)
	return e
}

// eventsRead is a read of the feed: the first (evs replace what is
// shown) or a later one (evs are new), with the deliveries of every event
// then shown.
type eventsRead struct {
	flow  int64
	feed  *service.EventFeed
	first bool
	evs   []model.Event
	dels  []service.Delivery
	err   error
}

// NoteMsg asks the shell to put a line in its status line (Err: it stays
// until the next key).
type NoteMsg struct {
	Text string
	Err  bool
}

// objectClosed is the DoneMsg of the object pane opened from an event:
// it goes back to the event, not out of the view.
type objectClosed struct{ flow int64 }

// Init implements tea.Model: the feed starts and the first events are
// read.
func (e *Events) Init() tea.Cmd {
	s, ctx, id, f := e.pc.Session, e.ctx, e.id, service.EventFilter{For: e.forID, Limit: eventsShown}
	return func() tea.Msg {
		feed, err := s.FeedEvents(ctx, f, 0)
		if err != nil {
			return eventsRead{flow: id, first: true, err: err}
		}
		evs, err := feed.First(ctx)
		if err != nil {
			return eventsRead{flow: id, first: true, err: err}
		}
		ds, err := s.Deliveries(ctx, ids(evs)...)
		return eventsRead{flow: id, feed: feed, first: true, evs: evs, dels: ds, err: err}
	}
}

// next waits for the feed to wake, then reads what is new and the
// deliveries of every event shown with it.
func (e *Events) next() tea.Cmd {
	s, ctx, id, feed, shown := e.pc.Session, e.ctx, e.id, e.feed, ids(e.evs)
	return func() tea.Msg {
		if err := feed.Wait(ctx); err != nil {
			return nil // the view was closed
		}
		evs, err := feed.Next(ctx)
		if err != nil {
			return eventsRead{flow: id, feed: feed, err: err}
		}
		ds, err := s.Deliveries(ctx, append(ids(evs), shown...)...)
		return eventsRead{flow: id, feed: feed, evs: evs, dels: ds, err: err}
	}
}

func ids(evs []model.Event) []string {
	out := make([]string, len(evs))
	for i, ev := range evs {
		out[i] = ev.ID
	}
	return out
}

// took takes a read in: the events (the selection stays on its event,
// and rows added above it do not move what is on screen, unless the view
// is at the top, where the new ones show), and the deliveries.
func (e *Events) took(r eventsRead) tea.Cmd {
	if r.feed == nil {
		e.read, e.err = true, r.err
		return e.note(r.err)
	}
	e.feed, e.shown = r.feed, shownRows{}
	if r.first {
		e.read, e.evs = true, r.evs
	} else if len(r.evs) > 0 {
		if e.top > 0 {
			e.top += len(e.filtered(r.evs))
		}
		e.evs = append(slices.Clone(r.evs), e.evs...)
		e.evs = e.evs[:min(len(e.evs), eventsShown)]
	}
	if r.err == nil { // a failed read keeps the deliveries last read
		clear(e.dels)
		for _, d := range r.dels {
			e.dels[d.Event] = append(e.dels[d.Event], views.NewDelivered(d))
		}
	}
	e.keepSelection()
	e.renderOpen()
	cmds := []tea.Cmd{e.note(r.err), e.next()}
	for i, km := range e.early {
		if e.shellKey(km) { // it, and the keys after it, as typed now
			cmds = append(cmds, giveBack(e.early[i:]))
			break
		}
		_, cmd := e.Update(km)
		cmds = append(cmds, cmd)
	}
	e.early = nil
	return tea.Batch(cmds...)
}

// note puts a read's failure in the status line; the view keeps what it
// showed and looks again at the next change.
func (e *Events) note(err error) tea.Cmd { return feedFailed(e.pc, "events", err, e.feed != nil) }

// errText is an error as one line: a Stripe error's message and code;
// another as common.ErrorLine says it. A guest's names no server path,
// a Stripe-shaped error's neither (the emulator's api_error carries the
// text of the server's fault).
func errText(pc *common.ProgramContext, err error) string {
	var me *model.Error
	if errors.As(err, &me) {
		msg := me.Message
		if pc.Guest {
			msg = common.ErrorLine(pc, me)
		}
		return views.JoinNonEmpty(msg, paren(me.Code))
	}
	return common.ErrorLine(pc, err)
}

func paren(s string) string {
	if s == "" {
		return ""
	}
	return "(" + s + ")"
}

// filtered are the events of evs whose type holds the query.
func (e *Events) filtered(evs []model.Event) []model.Event {
	q := strings.ToLower(strings.TrimSpace(e.query.Value()))
	if q == "" {
		return evs
	}
	var out []model.Event
	for _, ev := range evs {
		if strings.Contains(strings.ToLower(ev.Type), q) {
			out = append(out, ev)
		}
	}
	return out
}

// rows are the events shown, as views describes them; kept until a read
// or the filter changes them, so a key does not describe 200 events
// again.
func (e *Events) rows() []views.EventRow {
	if e.shown.ok && e.shown.query == e.query.Value() {
		return e.shown.rows
	}
	evs, now := e.filtered(e.evs), e.pc.Now()
	out := make([]views.EventRow, len(evs))
	for i, ev := range evs {
		out[i] = views.NewEventRow(ev, e.dels[ev.ID], now)
	}
	e.shown = shownRows{rows: out, query: e.query.Value(), ok: true}
	return out
}

// shownRows are the rows last described, for the query they were.
type shownRows struct {
	rows  []views.EventRow
	query string
	ok    bool
}

// selected is the index of the selected row among n shown, -1 for none.
func (e *Events) selected(rows []views.EventRow) int {
	return slices.IndexFunc(rows, func(r views.EventRow) bool { return r.ID == e.sel })
}

// keepSelection selects the newest row when the selected one is not
// shown (none yet, or filtered out), and scrolls to it.
func (e *Events) keepSelection() {
	rows := e.rows()
	i := e.selected(rows)
	if i < 0 && len(rows) > 0 {
		i, e.sel = 0, rows[0].ID
		e.top = 0
	}
	e.scrollTo(i, len(rows))
}

// listRows is how many rows the list has room for: the body less the
// title, the filter line and the column titles.
func (e *Events) listRows() int { return max(e.h-3, 1) }

func (e *Events) scrollTo(i, n int) {
	page := e.listRows()
	e.top = min(e.top, max(n-page, 0))
	if i >= 0 && i < e.top {
		e.top = i
	}
	if i >= e.top+page {
		e.top = i - page + 1
	}
	e.top = max(e.top, 0)
}

// move moves the selection by d rows.
func (e *Events) move(d int) {
	rows := e.rows()
	if len(rows) == 0 {
		return
	}
	i := min(max(e.selected(rows)+d, 0), len(rows)-1)
	e.sel = rows[i].ID
	e.scrollTo(i, len(rows))
}

// SetSize implements common.Component.
func (e *Events) SetSize(w, h int) {
	e.w, e.h = w, h
	e.pane.Width, e.pane.Height = max(w-1, 0), max(h-1, 0)
	if e.obj != nil {
		e.obj.SetSize(w, h)
	}
	e.keepSelection()
	e.renderOpen()
}

// Close implements common.Component: the feed ends with the scope, and
// an object pane open over an event with it.
func (e *Events) Close() {
	if e.obj != nil {
		e.obj.Close()
	}
	e.scope.Close()
}

// InFlight reports a write on its way in the object pane; reading events
// is harmless to abandon.
func (e *Events) InFlight() bool {
	f, ok := e.obj.(interface{ InFlight() bool })
	return ok && f.InFlight()
}

// Update implements tea.Model.
func (e *Events) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch m := msg.(type) {
	case eventsRead:
		if m.flow != e.id {
			return e, nil
		}
		return e, e.took(m)
	case objectClosed:
		if e.obj != nil && m.flow == e.objFlow() {
			e.obj.Close()
			e.obj = nil
		}
		return e, nil
	}
	if e.obj != nil {
		return e, e.toObject(msg)
	}
	km, ok := msg.(tea.KeyMsg)
	if !ok {
		return e, nil
	}
	if isQuit(km) {
		return e, e.cancelled()
	}
	if !e.read && !key.Matches(km, e.pc.Keys.Back) {
		if len(e.early) < maxTyped {
			e.early = append(e.early, km)
		}
		return e, nil
	}
	if e.open != nil {
		return e, e.detailKey(km)
	}
	if e.typing {
		return e, e.typeKey(km)
	}
	return e, e.listKey(km)
}

// listKey moves, opens the event selected, starts the type filter, or
// clears it (esc), then closes the view (esc again).
func (e *Events) listKey(km tea.KeyMsg) tea.Cmd {
	k := e.pc.Keys
	switch {
	case key.Matches(km, k.Up):
		e.move(-1)
	case key.Matches(km, k.Down):
		e.move(1)
	case key.Matches(km, k.PageUp):
		e.move(-e.listRows())
	case key.Matches(km, k.PageDown):
		e.move(e.listRows())
	case key.Matches(km, k.Top):
		e.move(-len(e.evs))
	case key.Matches(km, k.Bottom):
		e.move(len(e.evs))
	case key.Matches(km, k.Open):
		e.openSelected()
	case key.Matches(km, k.Back) && e.query.Value() != "":
		e.query.SetValue("")
		e.keepSelection()
	case key.Matches(km, k.Back):
		return e.cancelled()
	case key.Matches(km, k.Filter):
		e.typing = true
		return e.query.Focus()
	case key.Matches(km, k.Copy, k.JSON):
		// The shell answers them while an event is selected
		// (events_copyjson.go); with none they do nothing, nor type.
	case km.Type == tea.KeyRunes && !km.Alt:
		// Typing a type filters by it, as the preset list does.
		e.typing = true
		return tea.Batch(e.query.Focus(), e.typeKey(km))
	}
	return nil
}

// typeKey edits the type filter; the arrows still move, enter keeps it,
// esc clears it.
func (e *Events) typeKey(km tea.KeyMsg) tea.Cmd {
	k := e.pc.Keys
	switch {
	case key.Matches(km, k.KeepFilter):
		e.typing = false
		e.query.Blur()
		return nil
	case key.Matches(km, k.ClearFilter):
		e.typing = false
		e.query.Blur()
		e.query.SetValue("")
		e.keepSelection()
		return nil
	case key.Matches(km, k.FilterMove):
		return e.listKey(km)
	}
	var cmd tea.Cmd
	e.query, cmd = e.query.Update(km)
	e.keepSelection()
	return cmd
}

// openSelected shows the selected event's detail.
func (e *Events) openSelected() {
	if e.open = e.selectedEvent(); e.open == nil {
		return
	}
	e.pane.GotoTop()
	e.renderOpen()
}

// selectedEvent is the event of the selected row (a copy), nil for none.
func (e *Events) selectedEvent() *model.Event {
	rows := e.rows()
	i := e.selected(rows)
	if i < 0 {
		return nil
	}
	for _, ev := range e.evs {
		if ev.ID == rows[i].ID {
			return &ev
		}
	}
	return nil
}

// detailKey: esc back to the list, enter opens the object the event is
// about, the rest scrolls.
func (e *Events) detailKey(km tea.KeyMsg) tea.Cmd {
	k := e.pc.Keys
	switch {
	case key.Matches(km, k.Back):
		e.open = nil
		return nil
	case key.Matches(km, k.Open):
		id := e.open.ObjectID
		if !IsObjectID(id) {
			text := "tokenscope cannot open " + views.Clean(id) + " by its id"
			return func() tea.Msg { return NoteMsg{Text: text} }
		}
		e.obj = newObject(e.pc, id)
		e.obj.SetSize(e.w, e.h)
		return e.relabel(e.obj.Init())
	case key.Matches(km, k.Top):
		e.pane.GotoTop()
	case key.Matches(km, k.Bottom):
		e.pane.GotoBottom()
	default:
		var cmd tea.Cmd
		e.pane, cmd = e.pane.Update(km)
		return cmd
	}
	return nil
}

// toObject gives the object pane msg (every key while it is open, and
// its replies).
func (e *Events) toObject(msg tea.Msg) tea.Cmd {
	m, cmd := e.obj.Update(msg)
	if c, ok := m.(common.Component); ok {
		e.obj = c
	}
	return e.relabel(cmd)
}

func (e *Events) objFlow() int64 {
	if o, ok := e.obj.(*Object); ok {
		return o.id
	}
	return 0
}

// relabel turns the object pane's DoneMsg, in whatever cmd sends it,
// into objectClosed: the shell would close the whole view on it.
func (e *Events) relabel(cmd tea.Cmd) tea.Cmd { return relabelFor(cmd, e.objFlow()) }

func relabelFor(cmd tea.Cmd, flow int64) tea.Cmd {
	if cmd == nil {
		return nil
	}
	return func() tea.Msg {
		switch m := cmd().(type) {
		case DoneMsg:
			if m.Flow == flow {
				return objectClosed{flow: flow}
			}
			return m
		case tea.BatchMsg:
			for i, c := range m {
				m[i] = relabelFor(c, flow)
			}
			return m
		default:
			return m
		}
	}
}

// renderOpen lays out the open event's detail again (its deliveries move
// on as they are made); the scroll stays where it was.
func (e *Events) renderOpen() {
	if e.open == nil {
		return
	}
	st, w := e.pc.Styles, e.pane.Width
	d := views.NewEventDetail(*e.open, e.dels[e.open.ID])
	var b strings.Builder
	b.WriteString(st.Of(d.Kind).Render(d.Type) + "\n")
	b.WriteString(common.RenderRows(st, d.Fields, w) + "\n")
	if d.Object.ID != "" {
		head := common.Hang("data.object  ", views.Clean(d.Object.Headline("")), w)
		b.WriteString("\n" + st.Label.Render("data.object") + strings.TrimPrefix(strings.Join(head, "\n"), "data.object") + "\n")
		if rows := common.RenderRows(st, d.Object.Fields, w); rows != "" {
			b.WriteString(rows + "\n")
		}
	}
	if len(d.Previous) > 0 {
		b.WriteString("\n" + st.Label.Render("previous_attributes") + st.Muted.Render("  before -> after") + "\n")
		for _, l := range common.StyleLines(st, indentLines(d.Previous), w) {
			b.WriteString(l + "\n")
		}
	}
	b.WriteString("\n" + st.Label.Render("deliveries") + "\n")
	if len(d.Deliveries) == 0 {
		b.WriteString(st.Muted.Render("  none: no webhook endpoint or listener took it") + "\n")
	}
	for _, l := range common.StyleLines(st, indentLines(d.Deliveries), w) {
		b.WriteString(l + "\n")
	}
	y := e.pane.YOffset
	e.pane.SetContent(strings.TrimSuffix(b.String(), "\n"))
	// A detail taller than the view keeps its last row to say where the
	// rest is (View): the deliveries, at the end, looked empty.
	e.pane.Height = max(e.h-1, 0)
	if e.pane.TotalLineCount() > e.pane.Height {
		e.pane.Height = max(e.h-2, 1)
	}
	e.pane.SetYOffset(y)
}

func indentLines(ls []views.Line) []views.Line {
	out := make([]views.Line, len(ls))
	for i, l := range ls {
		l.Lead = "  " + l.Lead
		out[i] = l
	}
	return out
}

// View implements tea.Model.
func (e *Events) View() string {
	if e.obj != nil {
		return e.obj.View()
	}
	st := e.pc.Styles
	if e.open != nil {
		title := " " + st.PaneTitle.Render("Event "+e.open.ID)
		out := title + "\n " + strings.ReplaceAll(e.pane.View(), "\n", "\n ")
		if more := common.ScrollHint(!e.pane.AtTop(), !e.pane.AtBottom()); more != "" {
			out += "\n " + st.Muted.Render("  "+more)
		}
		return out
	}
	lines := []string{e.title()}
	switch {
	case e.typing || e.query.Value() != "":
		lines = append(lines, " "+e.query.View()+st.Muted.Render(fmt.Sprintf("  %d of %d · esc clears", len(e.filtered(e.evs)), len(e.evs))))
	default:
		lines = append(lines, "")
	}
	switch {
	case !e.read:
		return strings.Join(append(lines, st.Muted.Render("  reading the events…")), "\n")
	case e.feed == nil && e.err != nil:
		return strings.Join(lines, "\n") + "\n" + indent(common.RenderError(e.pc, e.err, e.w-1))
	}
	rows := e.rows()
	if len(rows) == 0 {
		for _, l := range strings.Split(common.Wrap(e.empty(), max(e.w-3, 10)), "\n") {
			lines = append(lines, st.Muted.Render("  "+l))
		}
		return strings.Join(lines, "\n")
	}
	cols := fitColumns(rows, e.w-1)
	lines = append(lines, " "+st.Muted.Render(cols.titles()))
	i := e.selected(rows)
	for j := e.top; j < min(len(rows), e.top+e.listRows()); j++ {
		lines = append(lines, " "+cols.row(st, rows[j], j == i))
	}
	return strings.Join(lines, "\n")
}

// title says whose events these are, how many, and that they are live.
func (e *Events) title() string {
	st := e.pc.Styles
	whose := "Events of the workspace"
	if e.forID != "" {
		whose = "Events of " + views.Clean(e.forID) + " and all it became"
	}
	live := "live"
	if e.feed != nil && e.feed.Polled() > 0 {
		live = "live, polled every " + e.feed.Polled().String()
	}
	n := fmt.Sprintf("%d %s", len(e.evs), views.Plural(len(e.evs), "event", "events"))
	left := " " + st.PaneTitle.Render(ansi.Truncate(whose, max(e.w-2, 1), "…"))
	// What gives way first: the order, then how it is live; the count
	// and "live" stay while they fit.
	for _, right := range []string{" · " + n + " · newest first · " + live, " · " + n + " · " + live, " · " + n + " · live", " · " + n} {
		if ansi.StringWidth(left)+ansi.StringWidth(right) <= e.w {
			return left + st.Muted.Render(right)
		}
	}
	return left
}

// empty says why there is nothing to show.
func (e *Events) empty() string {
	switch {
	case e.query.Value() != "":
		return fmt.Sprintf("no event's type holds %q · esc clears the filter", e.query.Value())
	case e.forID != "":
		return "No events yet: use the token (u) and what it leads to shows here, as it is made."
	}
	return "No events yet: what any tokenscope on this workspace does shows here, as it is made."
}

// ShortHelp implements help.KeyMap.
func (e *Events) ShortHelp() []key.Binding {
	k := e.pc.Keys
	if e.obj != nil {
		return e.obj.ShortHelp()
	}
	back := k.Back
	if e.open != nil {
		// At 80 columns with an object to open, esc's word is short, so
		// it stays in sight with y and J.
		var keys []key.Binding
		if IsObjectID(e.open.ObjectID) {
			open := k.Open
			open.SetHelp("enter", "open "+views.Clean(e.open.ObjectID))
			keys = append(keys, open)
		}
		return append(keys, k.Copy, k.JSON, back, k.Up, k.Down)
	}
	if e.typing {
		return []key.Binding{k.KeepFilter, k.ClearFilter, k.FilterMove}
	}
	open, filter := k.Open, k.Filter
	open.SetHelp("enter", "open the event")
	filter.SetHelp("/", "filter by type")
	back.SetHelp("esc", "close")
	if e.current() == nil { // nothing to open, copy or show
		return []key.Binding{filter, back}
	}
	// At 80 columns the arrows give way first: a list says them itself.
	return []key.Binding{open, k.Copy, k.JSON, filter, back, k.Up, k.Down}
}

// OfferedKeys are the keys of the object pane open in the view, for the
// help overlay; false without one: ? is typed into the filter.
func (e *Events) OfferedKeys() ([]key.Binding, bool) {
	if o, ok := e.obj.(KeyOfferer); ok {
		return o.OfferedKeys()
	}
	return nil, false
}

// FullHelp implements help.KeyMap.
func (e *Events) FullHelp() [][]key.Binding { return [][]key.Binding{e.ShortHelp()} }

// columns are the widths of the list's columns; 0 hides one.
type columns struct{ time, typ, obj, req, del int }

const (
	timeWidth = 8
	minType   = 12
	gap       = "  "
)

// fitColumns fits the rows to w cells, with a column for the deliveries
// when any row had some: the request id gives way first, then the type
// is cut (with …), then the deliveries, then the time; the object's id
// stays whole where it fits.
func fitColumns(rows []views.EventRow, w int) columns {
	c := columns{time: timeWidth, typ: len("TYPE"), obj: len("OBJECT"), req: len("REQUEST")}
	for _, r := range rows {
		c.typ = max(c.typ, ansi.StringWidth(r.Type))
		c.obj = max(c.obj, ansi.StringWidth(r.Object))
		c.req = max(c.req, ansi.StringWidth(r.Request))
		c.del = max(c.del, ansi.StringWidth(views.Text(r.Delivered)))
	}
	if c.del > 0 { // no column for deliveries none of the rows had
		c.del = max(c.del, len("WEBHOOKS"))
	}
	if c.width() > w {
		c.req = 0
	}
	if over := c.width() - w; over > 0 {
		c.typ = max(c.typ-over, minType)
	}
	if c.width() > w {
		c.del = 0
	}
	if c.width() > w {
		c.time = 0
	}
	return c
}

// width is a row's: the selection mark, the time and each column shown.
func (c columns) width() int {
	n := 2 - len(gap) // the first column has no gap before it
	for _, cw := range []int{c.time, c.typ, c.obj, c.req, c.del} {
		if cw > 0 {
			n += len(gap) + cw
		}
	}
	return n
}

func (c columns) titles() string {
	return strings.TrimRight(c.join("  ", "TIME", "TYPE", "OBJECT", "REQUEST", "WEBHOOKS"), " ")
}

// join lays out the cells of a row, each padded (or cut) to its column.
func (c columns) join(lead, time, typ, obj, req, del string) string {
	cells := []string{}
	for _, p := range []struct {
		text string
		w    int
	}{{time, c.time}, {typ, c.typ}, {obj, c.obj}, {req, c.req}, {del, c.del}} {
		if p.w > 0 {
			cells = append(cells, cell(p.text, p.w))
		}
	}
	return lead + strings.Join(cells, gap)
}

// cell is s in exactly w cells: padded, or cut with "…".
func cell(s string, w int) string {
	s = ansi.Truncate(s, w, "…")
	return s + strings.Repeat(" ", max(w-ansi.StringWidth(s), 0))
}

// row draws one event: the selected one as the bar led by ›, the others
// with the type in its kind's style and the deliveries' glyphs in theirs.
func (c columns) row(st *common.Styles, r views.EventRow, selected bool) string {
	if selected {
		return st.Bar(strings.TrimRight(c.join(common.GlyphSelected+" ", r.Time, r.Type, r.Object, r.Request, views.Text(r.Delivered)), " ") + " ")
	}
	cells := []string{}
	if c.time > 0 {
		cells = append(cells, st.Muted.Render(r.Time))
	}
	cells = append(cells, st.Of(r.Kind).Render(cell(r.Type, c.typ)), cell(r.Object, c.obj))
	if c.req > 0 {
		cells = append(cells, st.Muted.Render(cell(r.Request, c.req)))
	}
	if c.del > 0 && len(r.Delivered) > 0 {
		cells = append(cells, common.StyleSegments(st, r.Delivered))
	}
	return "  " + strings.Join(cells, gap)
}

// Typing reports the type filter having the focus: the shell then keeps
// a burst of runes whole and a text field's alt keys as they are.
func (e *Events) Typing() bool { return e.obj == nil && e.open == nil && e.typing }
