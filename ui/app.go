package ui

import (
	"context"
	"time"

	"github.com/charmbracelet/bubbles/cursor"
	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/progress"
	"github.com/charmbracelet/bubbles/spinner"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/tokenscope/tokenscope/model"
	"github.com/tokenscope/tokenscope/ui/common"
)

// mode is what the body shows when no flow is open.
type mode int

const (
	modeList  mode = iota // the list, and the detail beside it when wide
	modePager             // detail (narrow), JSON, log, help, report, error
)

// Layout thresholds.
const (
	wideWidth = 100 // list and detail side by side from here on
	chrome    = 3   // header, status line, key footer
	// staleAfter: opening a token fetched longer ago refreshes it.
	staleAfter = 5 * time.Minute
	// settleDelay: in the wide layout a selection that rests this long
	// counts as opened (so holding j does not fire a refresh per row).
	settleDelay = 400 * time.Millisecond
)

// App is the root model.
type App struct {
	pc     *common.ProgramContext
	st     *common.Styles
	rs     *rowStyle
	keys   *common.KeyMap
	cancel context.CancelFunc // ends pc.Ctx: quitting stops every request

	width, height int
	mode          mode
	list          tokenList
	detail        detailCache
	pager         pager
	under         []pager // pagers opened over: esc goes back to them
	reqlog        logCursor
	flow          common.Component
	// beneath are the flows object panes were opened over, the last
	// nearest: each is back when the one over it ends (follow.go).
	beneath []common.Component
	picker  *idPicker // y's menu of ids, over the body
	reply   termReply // a terminal's reply being dropped (termreply.go)

	filter    textinput.Model
	filtering bool
	help      help.Model
	spin      spinner.Model
	bar       progress.Model

	busy      int                    // API calls in flight
	busyLabel string                 // what the latest of them does
	inflight  map[string]*oneRefresh // r (or a stale token opened), by id
	closed    map[int64]bool         // flows closed whose DoneMsg is on its way
	refresh   *refreshRun            // refresh all, while it runs
	status    status
	// pendingNoted: the first load's pending requests were named.
	pendingNoted bool
	confirmQuit  bool
	// after is tea.Tick; tests send the ticks themselves.
	after func(time.Duration, tea.Msg) tea.Cmd
	// gen counts local changes to the list; a load started before one is
	// stale and is done again.
	gen    int
	selSeq int
	// loading: a read of the state is on its way; loadAgain: another was
	// asked for meanwhile.
	loading, loadAgain bool
	// settleDelay is settleDelay; tests make it 0.
	settleDelay time.Duration
	notices     <-chan string // Options.Notices
}

// New builds the TUI model for one program. It reads the state once, so
// the first frame already shows the tokens.
func New(opts Options) tea.Model {
	r := colorProfile(opts)
	pc := common.NewContext(opts.Session, r, opts.Output, opts.Now)
	pc.ScenarioDir, pc.Guest, pc.OnGuestFault = opts.ScenarioDir, opts.Guest, opts.OnGuestFault
	if opts.Guest {
		pc.Keys.ForGuest()
	}
	ctx := opts.Context
	if ctx == nil {
		ctx = context.Background()
	}
	a := &App{pc: pc, st: pc.Styles, rs: newRowStyle(pc.Styles), keys: pc.Keys, inflight: map[string]*oneRefresh{}, closed: map[int64]bool{}, settleDelay: settleDelay, after: tick, notices: opts.Notices}
	pc.Ctx, a.cancel = context.WithCancel(ctx)

	a.help = help.New()
	a.help.Styles = a.st.HelpStyles()
	a.help.ShortSeparator = " · "
	a.spin = spinner.New(spinner.WithSpinner(spinner.Dot), spinner.WithStyle(a.st.Status))
	a.bar = progress.New(progress.WithColorProfile(r.ColorProfile()), progress.WithoutPercentage())
	a.filter = textinput.New()
	a.filter.Prompt = "/ "
	a.filter.Placeholder = "id, brand, last4, used, unused…"
	a.filter.PromptStyle, a.filter.TextStyle, a.filter.PlaceholderStyle = a.st.Key, a.st.Value, a.st.Muted
	a.filter.Cursor.Style = a.st.Key
	a.filter.Cursor.SetMode(cursor.CursorStatic)

	tokens, err := loadTokens(opts.Session)
	a.list.setTokens(tokens)
	if err != nil {
		a.showError("cannot read the state", err)
	} else {
		a.notePending() // what a killed tokenscope left: said at start
	}
	w, h := opts.Width, opts.Height
	if w <= 0 || h <= 0 {
		w, h = 80, 24
	}
	a.setSize(w, h)
	return a
}

// Init listens for the service's notices (a lock wait) and recoveries, and
// starts watching the state file, so that what another tokenscope writes
// (the CLI, a second terminal) shows without R. The state itself
// is already loaded. Without a watch (no inotify left, say) the TUI works
// as before and R reads the state again.
func (a *App) Init() tea.Cmd {
	notices := awaitNotice(a.pc.Ctx, a.notices)
	if a.pc.Session == nil {
		return notices
	}
	recoveries := watchRecoveries(a.pc.Ctx, a.pc.Session, a.pc.Guest)
	changes, err := a.pc.Session.Watch(a.pc.Ctx)
	if err != nil {
		return tea.Batch(notices, recoveries)
	}
	return tea.Batch(notices, recoveries, awaitChange(a.pc.Ctx, changes))
}

func (a *App) bodyHeight() int { return max(a.height-chrome, 0) }

func (a *App) wide() bool { return a.width >= wideWidth }

// detailMin is the narrowest the detail pane gets beside the list: its
// labels, a full card_ id and a date.
const detailMin = 48

// listWidth is the list pane's outer width in the wide layout: 47% of the
// terminal, more when its columns need it (the detail keeps detailMin).
func (a *App) listWidth() int {
	need := a.list.fullWidth() + 4 // borders, and a space each side: a value never touches the border
	return max(min(need, a.width-detailMin), a.width*47/100)
}

func (a *App) setSize(w, h int) {
	a.width, a.height = max(w, 0), max(h, 0)
	a.pc.Width, a.pc.Height = a.width, a.height
	a.filter.Width = max(a.width-4, 1)
	a.bar.Width = max(min(a.width-4, 60), 1)
	rows := a.bodyHeight() - 1 // the column titles
	if a.wide() {
		rows -= 2 // the pane's border
	}
	a.list.setHeight(rows)
	a.pager.setSize(a.width, a.bodyHeight())
	if a.flow != nil {
		a.flow.SetSize(a.width, a.bodyHeight())
	}
}

// openPager shows content full width; esc returns to the mode before.
func (a *App) openPager(title string, content func(width int) string) {
	back := a.mode
	if a.mode == modePager {
		back = a.pager.back
		a.under = append(a.under, a.pager) // J over the detail: esc returns to it
	} else {
		a.under = nil
	}
	a.setStatus("") // it spoke of what was shown before ("cancelled", a copy)
	a.pager = newPager(title, back, content)
	a.pager.setSize(a.width, a.bodyHeight())
	a.mode = modePager
}

// showError opens an error pane (type, code, param, message, request id,
// explanation) over whatever was shown.
func (a *App) showError(title string, err error) {
	a.openPager(common.GlyphError+" "+title, func(w int) string { return common.RenderError(a.pc, err, w) })
}

// openDetail shows the selected token full width, the narrow layout's
// detail, and refreshes it in the background when it is stale.
func (a *App) openDetail() tea.Cmd {
	r := a.list.selected()
	if r == nil {
		return nil
	}
	id := r.ID
	a.openPager(id, func(w int) string { return a.detailText(id, w) })
	a.pager.detail = true
	return a.autoRefresh(r)
}

// detailText renders the detail of the token with this id as it is now,
// w cells wide.
func (a *App) detailText(id string, w int) string {
	r := a.list.find(id)
	if r == nil {
		return a.st.Gone.Render(common.GlyphGone + " " + id + " is no longer in the state")
	}
	tok, err := a.detail.token(r)
	return joinLines(detailLines(a.st, r, tok, err, a.pc.Now(), w))
}

// autoRefresh refreshes r in the background when it was fetched more than
// staleAfter ago, so what an opened token shows is never old news.
func (a *App) autoRefresh(r *model.Record) tea.Cmd {
	if r == nil || r.Gone || a.pc.Session == nil || a.pc.Now().Sub(r.FetchedAt) < staleAfter {
		return nil
	}
	return a.refreshOne(r.ID, true)
}
