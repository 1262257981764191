package flow

import (
	"testing"

	"github.com/tokenscope/tokenscope/model"
)

// BenchmarkPresetInFull is what a frame of the card form asks of its
// preset list: the hovered preset's line in full, as tall as the
// tallest such.
func BenchmarkPresetInFull(b *testing.B) {
	spec, _ := model.SpecOf(model.KindCard)
	var names, expects []string
	for _, p := range spec.Create.Presets {
		names, expects = append(names, p.Name), append(expects, p.Expect)
	}
	v := names[0]
	p := presetPicker(&v, 20, 80, names, expects)
	p.focused = true
	if p.inFull(78) == nil {
		b.Fatal("no preset is cut at 80 columns")
	}
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		_ = p.inFull(78)
	}
}
