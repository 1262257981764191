package common

import "github.com/charmbracelet/bubbles/key"

// KeyMap is every key binding of the TUI, in one place, following k9s and
// lazygit habits. Views pick the bindings they answer to for the footer.
type KeyMap struct {
	Up, Down, PageUp, PageDown, Top, Bottom key.Binding
	Open, Back, Quit, Help                  key.Binding
	New, Use, Refresh, RefreshAll, Retrieve key.Binding
	Filter, Copy, JSON, Log, Scenario       key.Binding
	// Events opens the selected token's timeline, AllEvents the
	// workspace's events.
	Events, AllEvents key.Binding
	// Sort cycles the list's order; Forget drops the selected token from
	// the state, ForgetGone every token Stripe no longer has.
	Sort, Forget, ForgetGone      key.Binding
	Confirm, NextField, PrevField key.Binding
	// Flows (ui/flow): enter reviews a form's plan, esc from a plan edits
	// again, Dismiss closes an error or outcome pane, Close a finished
	// scenario summary.
	Review, Edit, Dismiss, Close key.Binding
	// ReplaceAll plans a scenario again with fresh tokens for every block
	// (apply --replace-all).
	ReplaceAll key.Binding
	// Cancel stops a request in flight.
	Cancel key.Binding
	// Export writes the workspace as a scenario file, Report the selected
	// token's report; CopyCurl copies the request log's entry as curl.
	Export, Report, CopyCurl key.Binding
	// ObjectKeys move on what a token became (objectkeys.go).
	ObjectKeys
	// Shell (ui): ctrl+c quits from anywhere, even inside a form; y and n
	// answer "quit anyway?"; enter keeps a filter, esc clears it, and the
	// arrows move while it is typed (j and k type).
	Interrupt, Yes, No, KeepFilter, ClearFilter, FilterMove key.Binding
}

// NewKeyMap returns the bindings.
func NewKeyMap() *KeyMap {
	return &KeyMap{
		Up:          key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", "up")),
		Down:        key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/j", "down")),
		PageUp:      key.NewBinding(key.WithKeys("pgup", "ctrl+u"), key.WithHelp("pgup", "page up")),
		PageDown:    key.NewBinding(key.WithKeys("pgdown", "ctrl+d"), key.WithHelp("pgdn", "page down")),
		Top:         key.NewBinding(key.WithKeys("home", "g"), key.WithHelp("g", "top")),
		Bottom:      key.NewBinding(key.WithKeys("end", "G"), key.WithHelp("G", "bottom")),
		Open:        key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "open")),
		Back:        key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "back")),
		Quit:        key.NewBinding(key.WithKeys("q", "ctrl+c"), key.WithHelp("q", "quit")),
		Help:        key.NewBinding(key.WithKeys("?"), key.WithHelp("?", "help")),
		New:         key.NewBinding(key.WithKeys("n"), key.WithHelp("n", "new")),
		Use:         key.NewBinding(key.WithKeys("u"), key.WithHelp("u", "use")),
		Refresh:     key.NewBinding(key.WithKeys("r"), key.WithHelp("r", "refresh")),
		RefreshAll:  key.NewBinding(key.WithKeys("R"), key.WithHelp("R", "refresh all")),
		Retrieve:    key.NewBinding(key.WithKeys("i"), key.WithHelp("i", "get by id")),
		Filter:      key.NewBinding(key.WithKeys("/"), key.WithHelp("/", "filter")),
		Copy:        key.NewBinding(key.WithKeys("y"), key.WithHelp("y", "copy id")),
		JSON:        key.NewBinding(key.WithKeys("J"), key.WithHelp("J", "json")),
		Log:         key.NewBinding(key.WithKeys("L"), key.WithHelp("L", "log")),
		Events:      key.NewBinding(key.WithKeys("e"), key.WithHelp("e", "events")),
		AllEvents:   key.NewBinding(key.WithKeys("E"), key.WithHelp("E", "all events")),
		Scenario:    key.NewBinding(key.WithKeys("s"), key.WithHelp("s", "scenarios")),
		Sort:        key.NewBinding(key.WithKeys("o"), key.WithHelp("o", "sort")),
		Forget:      key.NewBinding(key.WithKeys("d"), key.WithHelp("d", "forget")),
		ForgetGone:  key.NewBinding(key.WithKeys("D"), key.WithHelp("D", "forget gone")),
		Confirm:     key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "apply")),
		NextField:   key.NewBinding(key.WithKeys("tab"), key.WithHelp("tab", "next")),
		PrevField:   key.NewBinding(key.WithKeys("shift+tab"), key.WithHelp("shift+tab", "prev")),
		Review:      key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "review the plan")),
		Edit:        key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "edit")),
		Dismiss:     key.NewBinding(key.WithKeys("enter", "esc"), key.WithHelp("enter/esc", "back to the form")),
		Close:       key.NewBinding(key.WithKeys("enter", "esc"), key.WithHelp("enter/esc", "close")),
		ReplaceAll:  key.NewBinding(key.WithKeys("R"), key.WithHelp("R", "replace all")),
		Cancel:      key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "cancel the request")),
		Export:      key.NewBinding(key.WithKeys("x"), key.WithHelp("x", "export")),
		Report:      key.NewBinding(key.WithKeys("m"), key.WithHelp("m", "report")),
		CopyCurl:    key.NewBinding(key.WithKeys("c"), key.WithHelp("c", "copy as curl")),
		ObjectKeys:  newObjectKeys(),
		Interrupt:   key.NewBinding(key.WithKeys("ctrl+c"), key.WithHelp("ctrl+c", "quit, even from a form")),
		Yes:         key.NewBinding(key.WithKeys("y", "Y"), key.WithHelp("y", "yes")),
		No:          key.NewBinding(key.WithKeys("n", "N", "esc"), key.WithHelp("n", "no")),
		KeepFilter:  key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "keep filter")),
		ClearFilter: key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "clear filter")),
		FilterMove:  key.NewBinding(key.WithKeys("up", "down"), key.WithHelp("↑/↓", "move")),
	}
}

// KeyGroup is a titled group of keys in the help overlay.
type KeyGroup struct {
	Title string
	Keys  []key.Binding
}

// Groups are every key a person presses, grouped as the help overlay
// shows them (and the README's key table lists them). offered are the
// keys of the object shown, if any: an object key says what it does
// there (ObjectKeys.helpKeys).
func (k *KeyMap) Groups(offered ...key.Binding) []KeyGroup {
	return []KeyGroup{
		{"Navigation", []key.Binding{k.Up, k.Down, k.PageUp, k.PageDown, k.Top, k.Bottom, k.Open, k.Back}},
		{"Objects", k.ObjectKeys.helpKeys(offered)},
		{"Token", []key.Binding{k.New, k.Retrieve, k.Use, k.Refresh, k.RefreshAll, k.Copy, k.Forget, k.ForgetGone, k.Scenario, k.Report, k.Export}},
		{"Views", []key.Binding{k.JSON, k.Log, k.CopyCurl, k.Filter, k.Sort, k.Help}},
		{"Forms and plans", []key.Binding{k.NextField, k.PrevField, k.Review, k.Confirm, k.Edit, k.Cancel}},
		{"Filter", []key.Binding{k.KeepFilter, k.ClearFilter, k.FilterMove}},
		{"Global", []key.Binding{k.Events, k.AllEvents, k.Quit, k.Interrupt}},
	}
}
