package common

import (
	"reflect"

	"github.com/charmbracelet/huh"
	"github.com/charmbracelet/lipgloss"
)

// FormTheme is the huh theme of the flows' forms, made from the program's
// Styles so that forms look like the rest of the TUI. huh's own themes
// build their styles on lipgloss's default renderer, which over SSH is the
// server's terminal, not the session's: every style is re-bound to r, so a
// session without colour (Ascii) gets none.
func FormTheme(r *lipgloss.Renderer, st *Styles) *huh.Theme {
	t := huh.ThemeBase()
	t.FieldSeparator = r.NewStyle().SetString("\n")

	f := &t.Focused
	f.Base = r.NewStyle().PaddingLeft(1).BorderStyle(lipgloss.ThickBorder()).BorderLeft(true).BorderForeground(st.Status.GetForeground())
	f.Title = st.PaneTitle
	f.Description = st.Muted
	f.ErrorIndicator = st.Error.SetString(" " + GlyphError)
	f.ErrorMessage = st.Error.SetString(GlyphError)
	f.SelectSelector = st.RowSelected.SetString(GlyphSelected + " ")
	f.SelectedOption = st.RowSelected
	f.UnselectedOption = st.Row
	f.Option = st.Row
	f.NextIndicator = st.RowSelected.MarginLeft(1).SetString("→")
	f.PrevIndicator = st.RowSelected.MarginRight(1).SetString("←")
	f.TextInput.Prompt = st.Muted
	f.TextInput.Placeholder = st.Muted
	f.TextInput.Cursor = st.RowSelected

	t.Blurred = t.Focused
	t.Blurred.Base = f.Base.BorderStyle(lipgloss.HiddenBorder())
	t.Blurred.Title = st.Label
	t.Blurred.SelectSelector = r.NewStyle().SetString("  ")
	t.Blurred.SelectedOption = st.Row
	t.Blurred.NextIndicator = r.NewStyle()
	t.Blurred.PrevIndicator = r.NewStyle()

	rebind(reflect.ValueOf(t).Elem(), r)
	return t
}

// rebind walks a theme and binds every lipgloss.Style in it to r, the ones
// huh.ThemeBase made on the default renderer included.
func rebind(v reflect.Value, r *lipgloss.Renderer) {
	styleType := reflect.TypeOf(lipgloss.Style{})
	switch {
	case v.Type() == styleType:
		v.Set(reflect.ValueOf(v.Interface().(lipgloss.Style).Renderer(r)))
	case v.Kind() == reflect.Struct:
		for i := 0; i < v.NumField(); i++ {
			if v.Field(i).CanSet() {
				rebind(v.Field(i), r)
			}
		}
	}
}
