package flow

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/huh"
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

// custom is the preset entry that keeps the fields as typed.
const custom = "custom"

// labelWidth aligns the titles of inline fields.
const labelWidth = 11

// label pads an inline field's title so the values line up.
func label(s string) string { return fmt.Sprintf("%-*s", labelWidth, s) }

// input is an inline text field bound to v and checked by check (nil: none).
func input(title string, v *string, check func(string) error) *huh.Input {
	in := huh.NewInput().Title(label(title)).Inline(true).Prompt("").Value(v)
	if check != nil {
		in.Validate(check)
	}
	return in
}

// secret is an input whose value is never echoed: a CVC or an id number.
func secret(title string, v *string, check func(string) error) *huh.Input {
	return input(title, v, check).EchoMode(huh.EchoModePassword)
}

// choice is an inline select among fixed words (individual / company).
func choice(title string, v *string, words ...string) *huh.Select[string] {
	return huh.NewSelect[string]().Title(title).Inline(true).Options(huh.NewOptions(words...)...).Value(v)
}

// presetPicker lists presets with what each is expected to do, "custom"
// last. Choosing one fills the other fields (kindForm.sync).
// Each option is one line, cut to width, so the list never jumps.
func presetPicker(v *string, rows, width int, names, expects []string) *huh.Select[string] {
	nameWidth := 0
	for _, n := range names {
		nameWidth = max(nameWidth, len(n))
	}
	option := func(name, expect string) huh.Option[string] {
		key := ansi.Truncate(fmt.Sprintf("%-*s  %s", nameWidth, name, expect), max(width-6, 20), "…")
		return huh.NewOption(key, name)
	}
	opts := make([]huh.Option[string], 0, len(names)+1)
	for i, n := range names {
		opts = append(opts, option(n, expects[i]))
	}
	opts = append(opts, option(custom, "the fields as typed"))
	return huh.NewSelect[string]().Title("Preset").Options(opts...).Value(v).Height(rows + 1)
}

// check adapts a model validator to huh's func(string) error, minding the
// typed-nil trap of returning a nil *FieldError as an error.
func check(fn func(string) *model.FieldError) func(string) error {
	return func(s string) error {
		if fe := fn(s); fe != nil {
			return fe
		}
		return nil
	}
}

// fieldErr turns a *FieldError that may be nil into an error that is nil.
func fieldErr(fe *model.FieldError) error {
	if fe == nil {
		return nil
	}
	return fe
}

// redraw is a message no field answers to; passing it through a huh form
// makes it render its group again.
type redraw struct{}

// form is a spec on screen: the huh.Form over it, and the error of the
// last attempt to review the plan.
type form[R any] struct {
	st   *common.Styles
	spec spec[R]
	huh  *huh.Form
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
	f.huh = huh.NewForm(f.spec.groups(rows, f.w)...).
		WithShowHelp(false).
		WithTheme(f.st.Form).
		WithKeyMap(km).
		WithWidth(f.w)
	f.huh.Update(tea.WindowSizeMsg{Width: f.w, Height: f.h})
	return f.huh.Init()
}

// resize fits the form to a new size, focus and values kept.
func (f *form[R]) resize(w, h int) {
	f.w, f.h = w, h
	if f.huh == nil {
		f.build()
		return
	}
	f.huh = f.huh.WithWidth(w)
	f.huh.Update(tea.WindowSizeMsg{Width: w, Height: h})
}

// update passes a message to the huh form. review is true when the user
// asked for the plan (enter, or tab past the last field) and the request
// passed its checks.
func (f *form[R]) update(msg tea.Msg, enter key.Binding) (req R, review bool, cmd tea.Cmd) {
	if keyIs(msg, enter) {
		req, review = f.review()
		return req, review, nil
	}
	if _, ok := msg.(tea.KeyMsg); ok {
		f.err = nil
	}
	_, cmd = f.huh.Update(msg)
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

func (f *form[R]) view() string {
	v := strings.TrimRight(f.huh.View(), "\n ")
	if f.err != nil {
		v += "\n\n" + f.st.Error.Render(common.GlyphError+" "+f.err.Error())
	}
	return v
}
