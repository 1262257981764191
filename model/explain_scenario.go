package model

// scenarioExplanations explain tokenscope's own refusals of a scenario
// file before it is applied.
var scenarioExplanations = map[string]Explanation{
	CodeMaxTokensExceeded: {
		Why:  "the state keeps --max-tokens tokens per workspace, newest first (1000 unless given); a scenario with more would push its own first tokens out, so each apply would find them missing and make and use them again",
		Next: "pass --max-tokens at least the file's token count (a negative number keeps every token), or split the file",
	},
}

func init() {
	for code, x := range scenarioExplanations {
		if _, ok := explanations[code]; !ok {
			explanations[code] = x
		}
	}
}
