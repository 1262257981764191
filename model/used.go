package model

// CodeTokenAlreadyUsed is Stripe's error code for a second use of a token.
// After it the token is not "now used": it was used before, and saying it
// just became used would blame the attempt that Stripe refused.
const CodeTokenAlreadyUsed = "token_already_used"
