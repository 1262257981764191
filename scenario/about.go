package scenario

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/tokenscope/tokenscope/model"
)

// aboutHead bounds what is read of a file for its description: a header
// comment is a few lines at the top.
const aboutHead = 4 << 10

// maxAbout bounds a description: it is one line of a picker and a plan.
const maxAbout = 200

// About is what a scenario file says of itself: the first paragraph of
// its header comment, as one line. The header is the comment the file
// opens with, set apart from what follows by a blank line (a comment right
// above a token block is that block's). A leading "NAME: " naming the file
// itself, as the packs' "pack:declines: ..." do, is left out; so are card
// and id numbers (model.MaskSecrets), as in every text tokenscope shows,
// and control characters (model.Printable).
func About(name string, src []byte) string {
	lines := strings.Split(string(src), "\n")
	i := 0
	for i < len(lines) && strings.TrimSpace(lines[i]) == "" {
		i++
	}
	var para []string
	inPara := true
	for ; i < len(lines); i++ {
		text, comment := headerText(strings.TrimSpace(lines[i]))
		if !comment {
			break
		}
		if text == "" {
			inPara = inPara && len(para) == 0
			continue
		}
		if inPara {
			para = append(para, text)
		}
	}
	if i < len(lines) && strings.TrimSpace(lines[i]) != "" {
		return "" // the comment runs into code: it is the first block's
	}
	return describe(name, para)
}

// headerText is a line's text after HCL's comment marker (# or //), and
// whether the line is a comment.
func headerText(line string) (string, bool) {
	for _, mark := range []string{"#", "//"} {
		if rest, ok := strings.CutPrefix(line, mark); ok {
			return strings.TrimSpace(rest), true
		}
	}
	return "", false
}

// describe joins a paragraph into the description, without the file's own
// name in front.
func describe(name string, para []string) string {
	s := strings.Join(para, " ")
	for _, n := range []string{name, filepath.Base(name)} {
		if rest, ok := strings.CutPrefix(s, n+": "); ok && n != "" {
			s = rest
			break
		}
	}
	// Escapes go before the length is counted: a file is passed around,
	// and its comment is printed in pickers and plans (model.Printable).
	s = model.Printable(model.MaskSecrets(s))
	if r := []rune(s); len(r) > maxAbout {
		s = string(r[:maxAbout-1]) + "…"
	}
	return s
}

// FileAbout is About of a scenario file on disk, reading only its head; ""
// when it cannot be read.
func FileAbout(path string) string {
	f, err := os.Open(path)
	if err != nil {
		return ""
	}
	defer f.Close()
	head, _ := io.ReadAll(io.LimitReader(f, aboutHead))
	if i := bytes.LastIndexByte(head, '\n'); len(head) == aboutHead && i >= 0 {
		head = head[:i] // no half line
	}
	return About(path, head)
}
