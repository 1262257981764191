package model

// localExplanations explain tokenscope's own refusals of what a command
// was given (a scenario file, its plan, an --out path) before anything is
// done.
var localExplanations = map[string]Explanation{
	CodeMaxTokensExceeded: {
		Why:  "the state keeps --max-tokens tokens per workspace, newest first (1000 unless given); a scenario with more would push its own first tokens out, so each apply would find them missing and make and use them again",
		Next: "pass --max-tokens at least the file's token count (a negative number keeps every token), or split the file",
	},
	CodeNotInState: {
		Why:  "the state holds the tokens tokenscope made or fetched in this workspace: on this backend, in this state dir",
		Next: "tokenscope state list shows them; tokenscope get ID fetches a token into the state",
	},
	CodePlanStale: {
		Why:  "another tokenscope changed the state between this plan and its apply (a token of the file forgotten, replaced or failed), so the apply would do what the plan you approved did not show",
		Next: "run plan (or apply) again to see what it does now",
	},
	CodeOutputPathRefused: {
		Why:  "--out names the file to write: its dir must already exist (tokenscope makes no dir for a file it hands on, so a typo is not made into dirs), and it must not itself be a dir",
		Next: "give a file in an existing dir of your own, or mkdir the dir first",
	},
}

func init() {
	for code, x := range localExplanations {
		if _, ok := explanations[code]; !ok {
			explanations[code] = x
		}
	}
}
