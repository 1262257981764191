package model

import "strings"

// ValidateObjectID is ValidateTokenID for the ids of other objects: one of
// prefixes (what names a charge: ch_, py_), then letters, digits and _
// only, checked before the id goes into a path or a parameter. what names
// the object in the message ("charge").
func ValidateObjectID(id, param, what string, prefixes ...string) *FieldError {
	if strings.TrimSpace(id) == "" {
		return missing(param, "the "+what+" id")
	}
	for _, p := range prefixes {
		rest, ok := strings.CutPrefix(id, p)
		if ok && rest != "" && len(id) <= maxTokenIDLen &&
			strings.Trim(rest, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_") == "" {
			return nil
		}
	}
	hint := "; " + WithArticle(what) + " id starts with " + strings.Join(prefixes, ", ")
	if last4, ok := LooksLikeCardNumber(id); ok {
		return requestErr("resource_missing", param, "this looks like a card number (ending "+last4+"), not a "+what+" id; it was not sent"+hint)
	}
	return requestErr("resource_missing", param, "No such "+what+": "+echoID(id)+hint)
}

// WithArticle is what with "a" or "an" before it: "an account", "a
// charge".
func WithArticle(what string) string {
	if what != "" && strings.ContainsRune("aeiou", rune(what[0])) {
		return "an " + what
	}
	return "a " + what
}
