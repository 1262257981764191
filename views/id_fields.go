package views

// idFields are the ids a detail lists for y to copy, each with what it
// names, in the order added, each once.
type idFields struct {
	out  []Field
	seen map[string]bool
}

// add lists id (cleaned) under label, unless it is empty or listed.
func (f *idFields) add(label, id string) {
	if id = Clean(id); id == "" || f.seen[id] {
		return
	}
	if f.seen == nil {
		f.seen = map[string]bool{}
	}
	f.seen[id] = true
	f.out = append(f.out, Field{Label: label, Value: id})
}
