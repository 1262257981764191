package model

// ConsumedBy splits the recorded uses of a token into the one that consumed
// it and the attempts after it. Uses holds every attempt, refused ones
// too, so the last use is not what used the token: a second charge refused
// with token_already_used must not hide the charge that consumed it. The
// consuming use is the first that made an object (a charge, declined or
// not: a decline keeps its charge; a customer). An attempt refused before
// it made anything (a bank token's charge refused with
// bank_account_unverified, token_already_used) consumed nothing. found is
// false when no recorded attempt consumed the token (it was used
// elsewhere); later then holds every attempt.
func (r Record) ConsumedBy() (first Use, later []Use, found bool) {
	for i, u := range r.Uses {
		if u.ObjectID != "" {
			return u, r.Uses[i+1:], true
		}
	}
	return Use{}, r.Uses, false
}
