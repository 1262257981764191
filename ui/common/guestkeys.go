package common

// ForGuest says in the help and footer what m and x do for a guest of
// tokenscope serve: they hand the report or export to the guest's
// clipboard and screen, since a file on the server is out of reach.
func (k *KeyMap) ForGuest() {
	k.Report.SetHelp("m", "report: copy + show")
	k.Export.SetHelp("x", "export: copy + show")
}
