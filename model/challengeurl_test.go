package model

import "testing"

// A 3D Secure page on the in-process emulator is not shown as a page to
// open (its host never resolves); one on Stripe or `tokenscope
// emulator` is.
func TestShownChallengeURL(t *testing.T) {
	for url, want := range map[string]string{
		OfflineBase + "/3ds/pi_1?client_secret=s":         "",
		"http://127.0.0.1:12111/3ds/pi_1?client_secret=s": "http://127.0.0.1:12111/3ds/pi_1?client_secret=s",
		"https://hooks.stripe.com/3d_secure_2/hosted?x=1": "https://hooks.stripe.com/3d_secure_2/hosted?x=1",
	} {
		f, err := DecodeFields([]byte(`{"next_action":{"redirect_to_url":{"url":"` + url + `"}}}`))
		if err != nil {
			t.Fatal(err)
		}
		if got := shownChallengeURL(f); got != want {
			t.Errorf("%s: shown as %q", url, got)
		}
		if ChallengeURL(f) != url {
			t.Errorf("%s: the URL to answer is lost", url)
		}
	}
}
