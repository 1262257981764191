// Package views is how tokenscope shows things, built once for the CLI and
// the TUI, as Terraform's command/views: for each thing shown (a token's
// detail, a plan, a refresh's drift, a use's outcome, an error, an apply's
// progress and summary) a structured value and its renderings, human text
// and JSON. Human text is a list of Lines, each with a Kind that says what
// it means (create, change, gone, error, used...), so the TUI styles a line
// from its Kind and never reads its text to guess. It imports model only.
package views
