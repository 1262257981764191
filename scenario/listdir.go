package scenario

import (
	"path/filepath"

	"github.com/tokenscope/tokenscope/model"
)

// Listed is one scenario file of a directory, as a picker shows it.
type Listed struct {
	// Path is what Load reads.
	Path string
	// Name is Path as it is printed: a file name is anybody's text, and
	// one holding escapes must not move the cursor (model.Printable).
	Name string
	// About is the file's header comment (FileAbout); "" without one.
	About string
}

// ListDir lists the *.hcl files of dir, each with the name to show and
// its header comment, both printable.
func ListDir(dir string) []Listed {
	files, _ := filepath.Glob(filepath.Join(dir, "*.hcl"))
	out := make([]Listed, 0, len(files))
	for _, f := range files {
		out = append(out, Listed{Path: f, Name: model.Printable(f), About: FileAbout(f)})
	}
	return out
}
