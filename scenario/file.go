package scenario

import (
	"cmp"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"time"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/gohcl"
	"github.com/hashicorp/hcl/v2/hclsyntax"

	"github.com/tokenscope/tokenscope/model"
)

// PackPrefix marks a built-in pack in place of a file path: "pack:declines".
const PackPrefix = "pack:"

// File is a decoded scenario file. Its requests hold card numbers and CVCs in
// memory only; the source it keeps for diagnostics has them masked.
type File struct {
	// Name is what diagnostics call the file: the path, or "pack:declines".
	Name string
	// Source is what the state's keys call the file (Key): "pack:declines",
	// or the file's cleaned absolute path, so the same file named from
	// another directory is the same file.
	Source string
	// About is what the file says of itself, its header comment (About).
	About  string
	Tokens []Token
	// masked is the source with sensitive values masked, for snippets.
	masked []byte
}

// Token is one `token "name" { ... }` block.
type Token struct {
	Name    string
	Request model.TokenRequest
	// Use is the optional use step; nil means the token is only created.
	Use *model.UseRequest
	// ExpectEvents are the event types (or patterns) the use step should
	// lead to (expectevents.go); expectRange is where the file says so.
	ExpectEvents []string
	expectRange  hcl.Range
	// Steps follow the use, on what it made, in order (steps.go).
	Steps []model.StepRequest
	// accountRef names the block whose account an id_number use gives
	// the id number to (accountref.go).
	accountRef accountRef
	Range      hcl.Range
	// Digest identifies the block's inputs (digestOf); the state keeps it
	// on the token's record to notice an edited block.
	Digest string
}

// Load reads a scenario from a path or a built-in pack ("pack:declines").
// The returned File is never nil, so its source can render the diagnostics.
func Load(arg string) (*File, hcl.Diagnostics) {
	var (
		src     []byte
		err     error
		summary = "Cannot read scenario file"
	)
	source := arg
	if name, ok := strings.CutPrefix(arg, PackPrefix); ok {
		src, err = packSource(name)
		summary = "Unknown pack"
	} else if source, err = filepath.Abs(arg); err == nil {
		src, err = readBounded(arg)
	}
	if err != nil {
		return &File{Name: model.Printable(arg), Source: source}, hcl.Diagnostics{{Severity: hcl.DiagError, Summary: summary, Detail: err.Error()}}
	}
	f, diags := Parse(arg, src)
	f.Source = source
	return f, diags
}

// readBounded reads a regular file, but no more than one byte past
// MaxSourceBytes (lexSource refuses it then). Anything else is refused
// before a byte is read: a FIFO with no writer blocks a read for ever (in
// a system call no signal's context ends, so only kill -9 stops it), and
// /dev/zero never ends. It is opened non-blocking, so opening a FIFO does
// not wait for a writer either, and checked once open, so it cannot be
// swapped for one between a check and the open.
func readBounded(path string) ([]byte, error) {
	if path == "-" {
		return nil, errors.New("- is not read as stdin: a scenario's tokens are linked in the state to the file's path, which stdin does not have; write it to a file and name that file")
	}
	f, err := os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if !info.Mode().IsRegular() {
		return nil, fmt.Errorf("%s is %s, not a regular file: a scenario is read from a file (or pack:NAME); nothing was read", path, fileKind(info.Mode()))
	}
	return io.ReadAll(io.LimitReader(f, MaxSourceBytes+1))
}

// fileKind names what a path that is not a regular file is.
func fileKind(m fs.FileMode) string {
	switch {
	case m.IsDir():
		return "a directory"
	case m&fs.ModeNamedPipe != 0:
		return "a named pipe (FIFO)"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m&fs.ModeDevice != 0:
		return "a device"
	}
	return "something else"
}

// Parse decodes and validates scenario source named filename. Every error
// is an HCL diagnostic with a range in filename. The File's Source is
// filename; Load sets it to the absolute path.
func Parse(filename string, src []byte) (*File, hcl.Diagnostics) {
	return parse(filename, src, time.Now())
}

func parse(filename string, src []byte, now time.Time) (*File, hcl.Diagnostics) {
	// The name is printed (diagnostics, plans, the lock's holder): one
	// with escapes in it must not reach a terminal as they are.
	filename = model.Printable(filename)
	toks, diags := lexSource(filename, src)
	f := &File{Name: filename, Source: filename}
	if toks != nil { // a source past the size bound is not read at all
		f.About = About(filename, src)
		f.masked = maskSource(src, toks)
	}
	if diags.HasErrors() {
		return f, diags
	}
	// Every error is reported at once. HCL's parser reports every syntax
	// error it finds (it recovers and reads on); what it makes of a file
	// with syntax errors is not decoded, where it would add errors of its
	// own making. In a file that parses, a token block whose body has an
	// error is left out of the later checks, not the others.
	hf, diags := hclsyntax.ParseConfig(src, filename, hcl.InitialPos)
	if diags.HasErrors() {
		hintBareBlocks(src, diags)
		return f, diags
	}
	var schema fileSchema
	diags = append(diags, gohcl.DecodeBody(hf.Body, nil, &schema)...)
	bodies := make([]tokenBlock, len(schema.Tokens))
	broken := make([]bool, len(schema.Tokens))
	for i, ts := range schema.Tokens {
		var bdiags hcl.Diagnostics
		bodies[i], bdiags = decodeBody(ts)
		hintExpectEventsPlace(bdiags)
		diags = append(diags, bdiags...)
		broken[i] = bdiags.HasErrors()
	}
	seen := map[string]hcl.Range{}
	for i, ts := range schema.Tokens {
		if last4, ok := model.LooksLikeCardNumber(ts.Name); ok {
			// The name becomes the token's key in the state (Key).
			diags = append(diags, &hcl.Diagnostic{
				Severity: hcl.DiagError,
				Summary:  "Card number in a token name",
				Detail: "This token name holds what looks like a card number (ending " + last4 + "). " +
					"Token names are kept in the state as the token's key, and tokenscope never keeps a card number; name the token after what it tests.",
				Subject: ts.NameRange.Ptr(),
			})
			continue
		}
		if first, dup := seen[ts.Name]; dup {
			diags = append(diags, &hcl.Diagnostic{
				Severity: hcl.DiagError,
				Summary:  "Duplicate token name",
				Detail:   "A token named \"" + ts.Name + "\" was already declared at " + first.String() + ". Token names must be unique within a file.",
				Subject:  ts.NameRange.Ptr(),
			})
			continue
		}
		seen[ts.Name] = ts.NameRange
		if broken[i] {
			continue
		}
		tok, tdiags := decodeToken(ts, bodies[i], now)
		diags = append(diags, tdiags...)
		if !tdiags.HasErrors() {
			f.Tokens = append(f.Tokens, tok)
		}
	}
	diags = append(diags, checkAccountRefs(f.Tokens)...)
	plainIntegerBounds(diags)
	if diags.HasErrors() {
		f.Tokens = nil
	}
	// In the file's order: the stages above find errors stage by stage.
	slices.SortStableFunc(diags, func(a, b *hcl.Diagnostic) int {
		return cmp.Compare(start(a), start(b))
	})
	return f, diags
}

// start is where a diagnostic points in its file; -1 for nowhere.
func start(d *hcl.Diagnostic) int {
	if d.Subject == nil {
		return -1
	}
	return d.Subject.Start.Byte
}

// Token returns the token block with the given name.
func (f *File) Token(name string) (Token, bool) {
	for _, t := range f.Tokens {
		if t.Name == name {
			return t, true
		}
	}
	return Token{}, false
}

// Key is the state's name for the token block name of this file,
// "<source>/<name>": the Scenarios map of a workspace holds the blocks of
// every file applied to it, and two files may each have a "bank_ok" (as
// Terraform keeps one state per configuration, where a resource's address
// is unique). Links written before keys had a source ("bank_ok") match no
// block: such a block is planned anew once, and the old link stays, unused.
func (f *File) Key(name string) string {
	return f.Source + "/" + name
}
