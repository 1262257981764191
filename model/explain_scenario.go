package model

// scenarioExplanations explain tokenscope's own refusals of a scenario
// file before it is applied.
var scenarioExplanations = map[string]Explanation{
	CodeMaxTokensExceeded: {
		Why:  "the state keeps --max-tokens tokens per workspace, newest first (1000 unless given); a scenario with more would push its own first tokens out, so each apply would find them missing and make and use them again",
		Next: "pass --max-tokens at least the file's token count (a negative number keeps every token), or split the file",
	},
	CodePlanStale: {
		Why:  "another tokenscope changed the state between this plan and its apply (a token of the file forgotten, replaced or failed), so the apply would do what the plan you approved did not show",
		Next: "run plan (or apply) again to see what it does now",
	},
}

func init() {
	for code, x := range scenarioExplanations {
		if _, ok := explanations[code]; !ok {
			explanations[code] = x
		}
	}
}
