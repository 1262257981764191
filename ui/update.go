package ui

import (
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/spinner"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/tokenscope/tokenscope/model"
	"github.com/tokenscope/tokenscope/ui/common"
	"github.com/tokenscope/tokenscope/ui/flow"
	"github.com/tokenscope/tokenscope/views"
)

// Update handles msg, then starts the expiry of a status line it set. An
// error in the status line stays until the next key, which clears it.
func (a *App) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if k, ok := msg.(tea.KeyMsg); ok && a.dropReply(k) {
		return a, nil
	}
	if _, ok := msg.(tea.KeyMsg); ok && a.status.err {
		a.setStatus("")
	}
	cmd := a.update(msg)
	if exp := a.statusExpiry(); exp != nil {
		cmd = tea.Batch(cmd, exp)
	}
	return a, cmd
}

// update handles the shell's own messages first, then gives the open flow
// everything else: a flow owns the body, and its replies and ticks are its
// business.
func (a *App) update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		a.setSize(msg.Width, msg.Height)
		return nil
	case tea.KeyMsg:
		if keys := a.split(msg); keys != nil {
			return a.keyBurst(keys)
		}
		return a.key(msg)
	case flow.DoneMsg:
		if a.closed[msg.Flow] { // closed as it finished (toFlow)
			delete(a.closed, msg.Flow)
			return nil
		}
		return a.closeFlow(msg)
	case flow.ChangedMsg:
		return a.recordChanged(msg.Record)
	case flow.LinksMsg:
		return a.openOneOf(msg.IDs)
	case flow.KeysMsg:
		return a.keyBurst(msg.Keys)
	case flow.WroteMsg:
		return a.loadCmd()
	case loadedMsg:
		return a.loaded(msg)
	case stateChangedMsg:
		// Read off the Update loop; the selection stays on its token id.
		return tea.Batch(a.loadCmd(), awaitChange(a.pc.Ctx, msg.changes))
	case refreshedMsg:
		return a.refreshed(msg)
	case progressMsg:
		return a.progressed(msg)
	case copiedMsg:
		a.putStatus(msg.status, msg.err)
		return nil
	case handedMsg:
		a.showHanded(msg)
		return nil
	case flow.NoteMsg:
		a.putStatus(msg.Text, msg.Err)
		return nil
	case StatusMsg:
		a.setStatus(string(msg))
		return nil
	case recoveredMsg:
		a.putRecovery(string(msg))
		return nil
	case noticeMsg:
		a.setStatus(msg.text)
		return awaitNotice(a.pc.Ctx, msg.ch)
	case statusExpiredMsg:
		a.expire(msg)
		return nil
	case settledMsg:
		if msg.seq == a.selSeq && a.mode == modeList && a.flow == nil {
			return a.autoRefresh(a.list.selected())
		}
		return nil
	case spinner.TickMsg:
		var cmd tea.Cmd
		if a.busy > 0 {
			a.spin, cmd = a.spin.Update(msg)
		}
		return tea.Batch(cmd, a.toFlow(msg))
	}
	return a.toFlow(msg)
}

func (a *App) toFlow(msg tea.Msg) tea.Cmd {
	under := a.toBeneath(msg)
	if a.flow == nil {
		return under
	}
	return tea.Batch(under, a.toOpen(msg))
}

// toOpen gives msg to the open flow.
func (a *App) toOpen(msg tea.Msg) tea.Cmd {
	m, cmd := a.flow.Update(msg)
	if c, ok := m.(common.Component); ok {
		a.flow = c // a flow may be a value that returns its next self
	}
	if f, ok := a.flow.(finisher); ok {
		if done, ok := f.Finished(); ok {
			// Closed now, not when its DoneMsg arrives: a key already
			// read (esc q in one write, or two reads in quick
			// succession) is meant for what is under the flow.
			a.closed[done.Flow] = true
			return tea.Batch(cmd, a.closeFlow(done))
		}
	}
	a.dropQuitQuestion()
	return cmd
}

// finisher is a flow that says it has ended before its DoneMsg arrives.
type finisher interface {
	Finished() (flow.DoneMsg, bool)
}

// dropQuitQuestion takes back "a request is in flight: quit anyway?" once no
// write is in flight any more (it failed, or it landed).
func (a *App) dropQuitQuestion() {
	if !a.confirmQuit {
		return
	}
	if f, ok := a.flow.(interface{ InFlight() bool }); ok && f.InFlight() {
		return
	}
	a.confirmQuit = false
	a.setStatus("")
}

// key routes a key press: the quit question, then ctrl+c, then an open
// flow (which gets every other key, q included: it may be typing), the
// filter input, then the current mode.
func (a *App) key(msg tea.KeyMsg) tea.Cmd {
	k := a.keys
	if a.confirmQuit {
		switch {
		case key.Matches(msg, k.Yes), key.Matches(msg, k.Interrupt):
			return a.quitNow()
		case key.Matches(msg, k.No):
			a.confirmQuit = false
			a.setStatus("")
		}
		return nil
	}
	if key.Matches(msg, k.Interrupt) {
		return a.quit()
	}
	if a.picker != nil {
		return a.pickerKey(msg)
	}
	if a.overFlow() {
		return a.overFlowKey(msg)
	}
	if a.flow != nil {
		if key.Matches(msg, k.Quit) && a.flowInFlight() {
			return a.quit() // q types nothing while a request is in flight
		}
		if cmd, ok := a.flowKey(msg); ok {
			return cmd
		}
		return a.toFlow(msg)
	}
	if a.filtering {
		return a.filterKey(msg)
	}
	if key.Matches(msg, k.Quit) {
		return a.quit()
	}
	if a.mode == modePager {
		if key.Matches(msg, k.Back) {
			// esc cancels a refresh in flight first; from its own report
			// it also goes back.
			if a.cancelRefresh() && a.pager.title != refreshTitle {
				return nil
			}
			if a.hideLogAnswer() {
				return nil
			}
			a.closePager()
			return nil
		}
		if cmd, ok := a.followKey(msg); ok {
			return cmd
		}
		if cmd, ok := a.logKey(msg); ok {
			return cmd
		}
		if cmd, ok := a.action(msg); ok {
			return cmd
		}
		return a.pager.update(msg, k)
	}
	if cmd, ok := a.action(msg); ok {
		return cmd
	}
	return a.listKey(msg)
}

// closePager goes back to the pager it was opened over, or to the mode
// before the first.
func (a *App) closePager() {
	if n := len(a.under); n > 0 {
		a.pager, a.under = a.under[n-1], a.under[:n-1]
		a.pager.setSize(a.width, a.bodyHeight())
		return
	}
	a.mode = a.pager.back
}

// action handles the keys that mean the same in the list and in a pager.
func (a *App) action(msg tea.KeyMsg) (tea.Cmd, bool) {
	k, sel := a.keys, a.list.selected()
	switch {
	case key.Matches(msg, k.Help):
		a.openHelp()
	case key.Matches(msg, k.New):
		return a.openFlow(flow.NewToken(a.pc)), true
	case key.Matches(msg, k.Retrieve):
		return a.openFlow(flow.NewRetrieve(a.pc)), true
	case key.Matches(msg, k.Scenario):
		return a.openFlow(flow.NewScenario(a.pc)), true
	case key.Matches(msg, k.Use):
		if sel == nil {
			a.setStatus("no token selected: n makes one")
			return nil, true
		}
		if len(flow.UsesOf(*sel)) == 0 {
			a.setStatus(views.Clean(string(sel.Type)) + " tokens have no use tokenscope can make yet: Stripe Connect consumes them when it creates or updates an account")
			return nil, true
		}
		return a.openFlow(flow.NewUse(a.pc, *sel)), true
	case key.Matches(msg, k.Refresh):
		if sel == nil {
			return nil, true
		}
		return a.refreshOne(sel.ID, false), true
	case key.Matches(msg, k.RefreshAll):
		return a.refreshAll(), true
	case key.Matches(msg, k.Copy):
		if sel == nil {
			return nil, true
		}
		return a.copyKey(sel), true
	case key.Matches(msg, k.Forget):
		if sel == nil {
			a.setStatus("no token selected")
			return nil, true
		}
		return a.openFlow(flow.NewForget(a.pc, []string{sel.ID}, sel.Gone)), true
	case key.Matches(msg, k.ForgetGone):
		var gone []string
		for _, r := range a.list.tokens {
			if r.Gone {
				gone = append(gone, r.ID)
			}
		}
		if len(gone) == 0 {
			a.setStatus("no token is marked gone: R refreshes all and marks those Stripe no longer has")
			return nil, true
		}
		return a.openFlow(flow.NewForget(a.pc, gone, true)), true
	case key.Matches(msg, k.JSON):
		if sel != nil {
			a.openJSON(sel.ID, sel.Raw)
		}
	case key.Matches(msg, k.Events):
		return a.openEvents(sel), true
	case key.Matches(msg, k.AllEvents):
		return a.openAllEvents(), true
	case key.Matches(msg, k.Log):
		a.openLog()
	case key.Matches(msg, k.Export):
		return a.exportWorkspace(), true
	case key.Matches(msg, k.Report):
		return a.writeReport(sel), true
	case key.Matches(msg, k.Filter):
		a.mode = modeList
		a.filtering = true
		a.filter.SetValue(a.list.query)
		a.filter.CursorEnd()
		return a.filter.Focus(), true
	default:
		return nil, false
	}
	return nil, true
}

// listKey moves the selection, opens the detail, or clears the filter.
func (a *App) listKey(msg tea.KeyMsg) tea.Cmd {
	k, page := a.keys, max(a.list.height-1, 1)
	switch {
	case key.Matches(msg, k.Up):
		a.list.move(-1)
	case key.Matches(msg, k.Down):
		a.list.move(1)
	case key.Matches(msg, k.PageUp):
		a.list.move(-page)
	case key.Matches(msg, k.PageDown):
		a.list.move(page)
	case key.Matches(msg, k.Top):
		a.list.move(-a.list.len())
	case key.Matches(msg, k.Bottom):
		a.list.move(a.list.len())
	case key.Matches(msg, k.Open):
		return a.openDetail()
	case key.Matches(msg, k.Sort):
		a.list.setSort(a.list.sort.next())
		a.setStatus("sorted " + a.list.sort.String())
		return a.settle()
	case key.Matches(msg, k.Back):
		if a.cancelRefresh() {
			return nil
		}
		if a.list.query != "" {
			a.list.setFilter("")
		}
		a.setStatus("")
		return nil
	default:
		return nil
	}
	a.setStatus("") // it spoke of the row we left
	return a.settle()
}

// settle arranges for a selection that rests in the wide layout (where the
// detail is already open beside the list) to count as opening it.
func (a *App) settle() tea.Cmd {
	if !a.wide() {
		return nil
	}
	a.selSeq++
	seq := a.selSeq
	return tea.Tick(a.settleDelay, func(time.Time) tea.Msg { return settledMsg{seq: seq} })
}

// filterKey edits the filter as it is typed; the arrows still move.
func (a *App) filterKey(msg tea.KeyMsg) tea.Cmd {
	k := a.keys
	switch {
	case key.Matches(msg, k.KeepFilter):
		a.filtering = false
		a.filter.Blur()
		// The token found is what one filtered for: clearing the filter
		// later keeps it selected (a filter that matched nothing keeps
		// the one chosen before).
		a.list.choose()
		return nil
	case key.Matches(msg, k.ClearFilter):
		a.filtering = false
		a.filter.Blur()
		a.filter.SetValue("")
		a.list.setFilter("")
		return nil
	case key.Matches(msg, k.FilterMove):
		return a.listKey(msg)
	}
	var cmd tea.Cmd
	a.filter, cmd = a.filter.Update(msg)
	if v := a.filter.Value(); v != a.list.query {
		a.list.setFilter(v)
	}
	return cmd
}

// openFlow gives the body to a flow until it sends flow.DoneMsg.
func (a *App) openFlow(c common.Component) tea.Cmd {
	a.flow, a.filtering = c, false
	a.setStatus("")
	a.filter.Blur()
	c.SetSize(a.width, a.bodyHeight())
	return c.Init()
}

// closeFlow selects the flow's token and reads the state again: a
// scenario writes many tokens and says so only in its status.
func (a *App) closeFlow(msg flow.DoneMsg) tea.Cmd {
	if a.flow != nil {
		a.flow.Close()
	}
	a.flow = nil
	if n := len(a.beneath); n > 0 {
		a.flow, a.beneath = a.beneath[n-1], a.beneath[:n-1]
		a.flow.SetSize(a.width, a.bodyHeight())
	}
	a.dropQuitQuestion()
	a.setStatus(msg.Status)
	if msg.Cancelled {
		return nil
	}
	if msg.Record != nil {
		return a.recordChanged(*msg.Record)
	}
	return a.loadCmd()
}

// recordChanged shows a token a flow wrote: the list, the header's counts
// and the detail open under the flow, then reads the state again.
func (a *App) recordChanged(rec model.Record) tea.Cmd {
	a.gen++
	a.list.upsert(rec)
	if a.list.query != "" && a.list.selectedID() != rec.ID {
		// The filter hides the token just made or used: clear it, and say
		// so, rather than report a token nobody can see.
		a.list.setFilter("")
		a.filter.SetValue("")
		a.list.selectID(rec.ID)
		a.setStatus(strings.TrimSpace(a.status.text + " · filter cleared to show it"))
	}
	a.pager.reload() // the detail that was open shows the token as it is now
	return a.loadCmd()
}

func (a *App) flowInFlight() bool {
	f, ok := a.flow.(interface{ InFlight() bool })
	return ok && f.InFlight()
}

// quit leaves at once unless a flow is writing, then it asks.
func (a *App) quit() tea.Cmd {
	if a.flowInFlight() {
		a.confirmQuit = true
		a.setStatus("a request is in flight: quit anyway? y/n")
		return nil
	}
	return a.quitNow()
}

func (a *App) quitNow() tea.Cmd {
	a.cancel()
	return tea.Quit
}
