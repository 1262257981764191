package scenario

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/tokenscope/tokenscope/model"
)

// value is a scenario whose card's name is expr.
func value(expr string) string {
	return "token \"a\" {\n  card {\n    preset = \"visa\"\n    name = " + expr + "\n  }\n}\n"
}

// Deep nesting used to end in "fatal error: stack overflow" at 1.1 GB:
// HCL's parser recurses once per level. Now it is a diagnostic, and
// nothing is parsed.
func TestDeepNestingIsADiagnostic(t *testing.T) {
	const n = 100_000
	for name, c := range map[string]struct{ src, summary string }{
		"brackets":       {value(strings.Repeat("[", n) + strings.Repeat("]", n)), "Nesting too deep"},
		"parentheses":    {value(strings.Repeat("(", n) + "1" + strings.Repeat(")", n)), "Nesting too deep"},
		"objects":        {value(strings.Repeat("{a=", n) + "1" + strings.Repeat("}", n)), "Nesting too deep"},
		"interpolations": {value(strings.Repeat(`"${`, n) + "1" + strings.Repeat(`}"`, n)), "Nesting too deep"},
		"calls":          {value(strings.Repeat("f(", n) + "1" + strings.Repeat(")", n)), "Nesting too deep"},
		"blocks":         {"token \"a\" {\n" + strings.Repeat("x {\n", n) + strings.Repeat("}\n", n) + "}\n", "Nesting too deep"},
		"nots":           {value(strings.Repeat("!", n) + "true"), "Value too complex"},
		"conditionals":   {value(strings.Repeat("true ? 1 : ", n/4) + "1"), "Value too complex"},
		"sums":           {value(strings.Repeat("1+", n) + "1"), "Value too complex"},
	} {
		t.Run(name, func(t *testing.T) {
			f, diags := parse("deep.hcl", []byte(c.src), testNow)
			if len(diags) != 1 || diags[0].Summary != c.summary || diags[0].Subject == nil {
				t.Fatalf("diags = %v, want one %q with a place", diags, c.summary)
			}
			var buf bytes.Buffer
			if err := f.WriteDiagnostics(&buf, diags, 0); err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(buf.String(), "Error: deep.hcl:") || buf.Len() > 4096 {
				t.Errorf("diagnostic text (%d bytes):\n%.2000s", buf.Len(), buf.String())
			}
		})
	}
}

// What a scenario needs stays well inside the bounds.
func TestOrdinaryNestingParses(t *testing.T) {
	mustParse(t, value(`"${"Jenny"} Rosen"`))
	mustParse(t, "token \"a\" {\n  card {\n    preset = \"visa\"\n    name = <<EOT\nJenny Rosen\nEOT\n  }\n}\n")
}

func TestTooLargeIsADiagnostic(t *testing.T) {
	src := bytes.Repeat([]byte("# padding\n"), MaxSourceBytes/10+1)
	_, diags := parse("big.hcl", src, testNow)
	if len(diags) != 1 || diags[0].Summary != "Scenario file too large" {
		t.Fatalf("diags = %v", diags)
	}
}

// 250/500/1000/2000 broken blocks took 0.7/2.4/12/40 s: HCL's writer
// scans the file from its start for each diagnostic. Now the lines are
// indexed once and fifty diagnostics are shown, then a count of the rest.
func TestManyErrorsAreShownCappedAndFast(t *testing.T) {
	var src strings.Builder
	for i := range 4000 {
		fmt.Fprintf(&src, "token \"t%d\" {\n  card {\n    bogus = 1\n  }\n}\n", i)
	}
	start := time.Now()
	f, diags := parse("bad.hcl", []byte(src.String()), testNow)
	var buf bytes.Buffer
	if err := f.WriteDiagnostics(&buf, diags, 0); err != nil {
		t.Fatal(err)
	}
	took := time.Since(start)
	if len(diags) != 4000 {
		t.Fatalf("%d diagnostics, want 4000 (each broken block)", len(diags))
	}
	text := buf.String()
	if got := strings.Count(text, "Error: bad.hcl:"); got != MaxDiagnostics {
		t.Errorf("%d diagnostics printed, want %d", got, MaxDiagnostics)
	}
	if !strings.Contains(text, "Error: and 3950 more\n\n3950 more diagnostics (3950 of them errors) are not shown") {
		t.Errorf("no count of the rest:\n...%s", text[max(len(text)-300, 0):])
	}
	// Before: minutes for 4,000 blocks. A loaded 2-core machine takes
	// about a second.
	if took > 20*time.Second {
		t.Errorf("4,000 broken blocks took %s", took)
	}
}

// A card number in a token name (the state's key for it) is refused and
// never repeated; an unknown attribute's value (secret_cvc) is masked in
// the snippet, as every value but the harmless ones is.
func TestDiagnosticsNeverShowSecrets(t *testing.T) {
	for name, c := range map[string]struct{ src, summary, secret string }{
		"label":          {"token \"x4000-0566-5566-5556\" {\n  card { preset = \"visa\" }\n}\n", "Card number in a token name", "0566"},
		"label, dots":    {"token \"a_4000.0566.5566.5556\" {\n  card { preset = \"visa\" }\n}\n", "Card number in a token name", "0566"},
		"unknown attr":   {"token \"a\" {\n  card {\n    preset = \"visa\"\n    secret_cvc = \"4729\"\n  }\n}\n", "Unsupported argument", "4729"},
		"unknown block":  {"token \"a\" {\n  x4000056655665556 {}\n}\n", "Unsupported block type", "400005665"},
		"bad cvc":        {"token \"a\" {\n  card {\n    preset = \"visa\"\n    cvc = \"47x9\"\n  }\n}\n", "Invalid card: invalid_cvc", "47x9"},
		"use label":      {"token \"a\" {\n  card { preset = \"visa\" }\n  use \"4000 0566 5566 5556\" {}\n}\n", "", "0566"},
		"number comment": {"# my card 4000 0566 5566 5556\ntoken \"a\" {\n  card { prest = \"visa\" }\n}\n", "Unsupported argument", "0566"},
	} {
		t.Run(name, func(t *testing.T) {
			d, text := diagAt(t, c.src)
			if c.summary != "" && d.Summary != c.summary {
				t.Errorf("summary %q, want %q", d.Summary, c.summary)
			}
			if strings.Contains(text, c.secret) {
				t.Errorf("the diagnostic shows %s:\n%s", c.secret, text)
			}
		})
	}
}

// FuzzDiagnosticsNeverEchoCardNumbers: whatever a file holds, its
// diagnostics (as the CLI and the TUI print them) hold no card number.
func FuzzDiagnosticsNeverEchoCardNumbers(f *testing.F) {
	f.Add([]byte("token \"x4000-0566-5566-5556\" {}"))
	f.Add([]byte("token \"a\" {\n  card {\n    number = \"4000 0566 5566 5556\"\n    cvc = 12\n  }\n}\n"))
	f.Add([]byte("token \"a\" { card { name = \"4000.0566.5566.5556\" } }"))
	f.Add([]byte("x = [[[[1]]]]\n# 4000056655665556\n"))
	f.Fuzz(func(t *testing.T, src []byte) {
		file, diags := parse("fuzz.hcl", src, testNow)
		var buf bytes.Buffer
		_ = file.WriteDiagnostics(&buf, diags, 0)
		if off, last4 := model.FindCardNumber(buf.Bytes(), model.ScanTyped); off >= 0 {
			t.Fatalf("card number ending %s at %d in:\n%s", last4, off, buf.String())
		}
	})
}

// A file larger than the bound is read up to it, then refused. (A path
// that never ends, /dev/zero, is no regular file and is refused unread:
// load_unix_test.go.)
func TestLoadReadsNoMoreThanTheBound(t *testing.T) {
	path := filepath.Join(t.TempDir(), "huge.hcl")
	if err := os.WriteFile(path, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.Truncate(path, 4*MaxSourceBytes); err != nil {
		t.Fatal(err)
	}
	_, diags := Load(path)
	if len(diags) != 1 || diags[0].Summary != "Scenario file too large" {
		t.Fatalf("diags = %v", diags)
	}
}
