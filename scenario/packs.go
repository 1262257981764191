package scenario

import (
	"embed"
	"fmt"
	"io/fs"
	"sort"
	"strings"
)

// packFS holds the built-in packs. They are ordinary scenario files, so
// they parse, validate and plan exactly as a user's file does.
//
//go:embed packs/*.hcl
var packFS embed.FS

// Packs lists the built-in packs as "pack:NAME", sorted.
func Packs() []string {
	entries, _ := fs.ReadDir(packFS, "packs") // embedded: cannot fail
	var names []string
	for _, e := range entries {
		names = append(names, PackPrefix+strings.TrimSuffix(e.Name(), ".hcl"))
	}
	sort.Strings(names)
	return names
}

// PackAbout is a pack's one-line description, its header comment (About):
// "one token per declining test card, each charged so its code shows."
func PackAbout(pack string) string {
	src, err := packSource(strings.TrimPrefix(pack, PackPrefix))
	if err != nil {
		return ""
	}
	return About(PackPrefix+strings.TrimPrefix(pack, PackPrefix), src)
}

func packSource(name string) ([]byte, error) {
	var src []byte
	err := fs.ErrNotExist
	if !strings.ContainsAny(name, "/.") {
		src, err = packFS.ReadFile("packs/" + name + ".hcl")
	}
	if err != nil {
		return nil, fmt.Errorf("there is no pack named %q; the built-in packs are %s", name, strings.Join(Packs(), ", "))
	}
	return src, nil
}
