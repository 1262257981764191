// Package scenario reads scenario files (HCL, as Terraform reads .tf files)
// that name the tokens a support engineer wants, each with an optional use
// step and steps after it on what the use made (steps.go: authenticate,
// capture, cancel, refund, dispute, verify), and turns them into a plan
// against the state and an apply through a Recorder (the service's
// session). Built-in packs (brands, declines, banks, 3ds, refunds,
// disputes, connect) are scenario files themselves, embedded in the binary
// and loaded as "pack:NAME".
//
// The state links each block, keyed by its file and name (File.Key:
// "pack:banks/bank_ok"), to the token it made (state.Workspace.Scenarios),
// so applying a file twice creates nothing the second time: "No changes."
package scenario
