package sshserver

import (
	"io"
	"strings"
	"time"

	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
	xinput "github.com/charmbracelet/x/input"
	"github.com/muesli/termenv"
)

// queryTimeout bounds the wait for the terminal's reply to the background
// colour query; a terminal that does not answer gets the dark default.
const queryTimeout = 2 * time.Second

// renderer is the lipgloss renderer of a session: the colour profile its
// TERM and environment promise (so each terminal keeps its own), and a
// light or dark background as its terminal answers. It does what wish's
// bubbletea.MakeRenderer does, but with the pty's TERM taken when the pty
// was granted and a query that gives up at its timeout.
func renderer(out io.Writer, in *input, term string, environ []string) *lipgloss.Renderer {
	if term == "" || term == "dumb" {
		return lipgloss.NewRenderer(out, termenv.WithProfile(termenv.Ascii))
	}
	env := environment(append(environ, "TERM="+term))
	r := lipgloss.NewRenderer(out, termenv.WithEnvironment(env), termenv.WithUnsafe(), termenv.WithColorCache(true))
	if dark, ok := darkBackground(out, in); ok {
		r.SetHasDarkBackground(dark)
	}
	return r
}

// darkBackground asks the terminal for its background colour, with a
// primary device attributes request behind it that every terminal answers,
// so the wait ends at that answer or at queryTimeout. What the client
// types meanwhile (a fast typist, keys piped in at connect) is given back
// to in for the TUI, the two answers taken out.
func darkBackground(out io.Writer, in *input) (dark, ok bool) {
	if _, err := io.WriteString(out, ansi.RequestBackgroundColor+ansi.RequestPrimaryDeviceAttributes); err != nil {
		return false, false
	}
	read := &recorder{r: until{in, time.Now().Add(queryTimeout)}}
	defer func() { in.unread(withoutReplies(read.buf)) }()
	rd, err := xinput.NewReader(read, "", 0)
	if err != nil {
		return false, false
	}
	defer rd.Close()
	for {
		events, err := rd.ReadEvents()
		if err != nil {
			return dark, ok
		}
		for _, e := range events {
			switch e := e.(type) {
			case xinput.BackgroundColorEvent:
				dark, ok = e.IsDark(), true
			case xinput.PrimaryDeviceAttributesEvent:
				return dark, ok
			}
		}
	}
}

// recorder keeps all that is read through it.
type recorder struct {
	r   io.Reader
	buf []byte
}

func (rec *recorder) Read(p []byte) (int, error) {
	n, err := rec.r.Read(p)
	rec.buf = append(rec.buf, p[:n]...)
	return n, err
}

// withoutReplies is b without the terminal's answers to darkBackground's
// queries: the background colour (OSC 11) and the device attributes
// (CSI ? ... c).
func withoutReplies(b []byte) []byte {
	var kept []byte
	p := ansi.NewParser()
	var state ansi.State
	for len(b) > 0 {
		seq, _, n, next := ansi.DecodeSequence(b, state, p)
		cmd := ansi.Cmd(p.Command())
		reply := (ansi.HasOscPrefix(seq) && p.Command() == 11) ||
			(ansi.HasCsiPrefix(seq) && cmd.Prefix() == '?' && cmd.Final() == 'c')
		if !reply {
			kept = append(kept, seq...)
		}
		state, b = next, b[n:]
	}
	return kept
}

// environment is a session's environment for termenv.
type environment []string

func (e environment) Environ() []string { return e }

func (e environment) Getenv(key string) string {
	for _, kv := range e {
		if v, ok := strings.CutPrefix(kv, key+"="); ok {
			return v
		}
	}
	return ""
}
