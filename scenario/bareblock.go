package scenario

import (
	"bytes"
	"slices"

	"github.com/hashicorp/hcl/v2"
)

// blockNames are the words that open a block in a scenario file.
func blockNames() []string {
	names := []string{"token"}
	for _, b := range tokenBody().Blocks {
		names = append(names, b.Type)
	}
	return names
}

// hintBareBlocks adds to HCL's "Argument or block definition required"
// what was meant when the word it stopped at opens a block: a step
// written alone on its line ("capture") is a block with an empty body,
// which HCL's own message, about arguments and "=", does not say.
func hintBareBlocks(src []byte, diags hcl.Diagnostics) {
	for _, d := range diags {
		if d.Summary != "Argument or block definition required" || d.Subject == nil {
			continue
		}
		start, end := d.Subject.Start.Byte, d.Subject.End.Byte
		if start < 0 || end > len(src) || start >= end {
			continue
		}
		word := string(bytes.TrimSpace(src[start:end]))
		if slices.Contains(blockNames(), word) {
			d.Detail = word + " opens a block: write " + word + " {} (with its arguments inside the braces, if any)."
		}
	}
}
