package cli

import (
	"io"
	"strings"
	"unicode/utf8"

	"github.com/tokenscope/tokenscope/model"
	"github.com/tokenscope/tokenscope/views"
)

// output is what every headless line passes through on its way to stdout
// or stderr, whoever wrote it (a view, cobra's own messages, a log line of
// serve or emulator): what a server, a state file or a user put in a
// value must not drive the terminal, nor print a secret.
//
//   - Control characters are dropped (views.CleanLines: newlines and tabs
//     stay), as the TUI drops them: a token's name holding ESC and OSC 52
//     could otherwise set the clipboard or rewrite the screen. In JSON
//     they are escaped instead (views.EscapeControls), which keeps the
//     document's meaning.
//   - Secrets are masked (model.MaskSecrets: card numbers in every form,
//     secret keys), and so is every long number typed on the command line
//     (numbersIn): account and id numbers have no shape to find them by.
//
// Writes are whole messages here (fmt, json, one tabwriter cell), so a
// secret is never split between two; a UTF-8 sequence may be, and its
// start is kept for the next write.
type output struct {
	w     io.Writer
	json  func() bool // the text is a JSON document
	known *strings.Replacer
	// plain turns masking off while static text is printed: help, whose
	// examples name test cards, and the catalog of test data (presets).
	plain bool
	// testCards keeps Stripe's published test card numbers while every
	// other secret is masked: for a report, whose curl lines need them.
	testCards bool
	tail      []byte // the start of a UTF-8 sequence the last write ended in
	// wrote: something was printed (printError then adds no second JSON
	// document to stdout).
	wrote bool
}

func newOutput(w io.Writer, secrets []string, json func() bool) *output {
	var pairs []string
	for _, s := range secrets {
		pairs = append(pairs, s, "••••"+model.Last4(s))
		if d := model.Digits(s); d != s {
			pairs = append(pairs, d, "••••"+model.Last4(s))
		}
	}
	return &output{w: w, json: json, known: strings.NewReplacer(pairs...)}
}

func (o *output) Write(p []byte) (int, error) {
	o.wrote = o.wrote || len(p) > 0
	data := append(o.tail, p...)
	o.tail = nil
	if cut := incompleteTail(data); cut < len(data) {
		o.tail = append([]byte(nil), data[cut:]...)
		data = data[:cut]
	}
	s := string(data)
	if o.json != nil && o.json() {
		s = views.EscapeControls(s)
	} else {
		s = views.CleanLines(s)
	}
	switch {
	case o.plain:
	case o.testCards:
		s = o.known.Replace(model.MaskSecretsKeepTestCards(s))
	default:
		s = o.known.Replace(model.MaskSecrets(s))
	}
	if _, err := io.WriteString(o.w, s); err != nil {
		return 0, err
	}
	return len(p), nil
}

// incompleteTail is where a UTF-8 sequence cut short at the end of data
// starts, or len(data).
func incompleteTail(data []byte) int {
	for i := len(data) - 1; i >= 0 && i >= len(data)-utf8.UTFMax; i-- {
		if utf8.RuneStart(data[i]) {
			if !utf8.FullRune(data[i:]) {
				return i
			}
			break
		}
	}
	return len(data)
}
