package model

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"testing"
)

func TestLooksLikeCardNumber(t *testing.T) {
	for in, want := range map[string]string{
		"4000056655665556":          "5556",
		"Jenny 4000 0566 5566 5556": "5556",
		"4000-0566-5566-5556":       "5556",
		"amex 3782 822463 10005":    "0005",
		"Jenny Rosen":               "",
		"94107":                     "",
		"94107-1234":                "",
		"4000.0566.5566.5556":       "5556",
		"4000_0566_5566_5556":       "5556",
		"x4000-0566-5566-5556":      "5556",
		"4000056655665556 1":        "5556", // more digits after it
		"4242424242424":             "",     // 13 digits, no Luhn-valid stretch
		"123e4567-e89b-12d3-a456-426614174000 4000056655665556 7": "5556",
		"4242  4242 4242 4242":       "", // a double space splits the run
		"call 415 555 0100 ext 4242": "",
	} {
		last4, ok := LooksLikeCardNumber(in)
		if ok != (want != "") || last4 != want {
			t.Errorf("LooksLikeCardNumber(%q) = %q, %v; want %q", in, last4, ok, want)
		}
	}
}

func TestFindCardNumberJoiners(t *testing.T) {
	dashed := []byte("4242-4242-4242-4242")
	if off, _ := FindCardNumber(dashed, ScanStored); off >= 0 {
		t.Errorf("dashes joined with ScanStored: offset %d", off)
	}
	if off, last4 := FindCardNumber(dashed, ScanTyped); off != 0 || last4 != "4242" {
		t.Errorf("FindCardNumber(dashed, ScanTyped) = %d, %q", off, last4)
	}
	uuid := []byte("550e8400-e29b-41d4-a716-446655440000")
	if off, _ := FindCardNumber(uuid, ScanStored); off >= 0 {
		t.Errorf("a UUID is a card number at %d", off)
	}
	for text, want := range map[string]int{
		`{"name":"x 4242424242424242"}`:      11,
		`{"email":"4242424242424242@x.com"}`: 10,
		`{"hash":"ab4242424242424242cd"}`:    -1, // inside a hex hash
		`{"id":"tok_4242424242424242"}`:      -1,
		`{"h":"4242424242424242e0"}`:         -1,
	} {
		if off, _ := FindCardNumber([]byte(text), ScanStored); off != want {
			t.Errorf("FindCardNumber(%s, ScanStored) = %d, want %d", text, off, want)
		}
	}
	if off, _ := FindCardNumber([]byte("Jenny4242424242424242"), ScanTyped); off != 5 {
		t.Errorf("typed text: a number glued to a name is missed (%d)", off)
	}
}

func FuzzFindCardNumber(f *testing.F) {
	for _, seed := range []string{"4242424242424242", "x 4000 0566 5566 5556 y", "4000-0566-5566-5556", "", "1 2 3 4 5 6 7 8 9 0 1 2 3", "--4-"} {
		f.Add([]byte(seed), seed != "" && seed[0] == '4')
	}
	f.Fuzz(func(t *testing.T, data []byte, typed bool) {
		scan := ScanStored
		if typed {
			scan = ScanTyped
		}
		joiners := scan.Joiners
		off, last4 := FindCardNumber(data, scan)
		if off < 0 {
			return
		}
		// What it reports is real: digits from off on, ending in last4.
		if !isDigit(data[off]) || len(last4) != 4 {
			t.Fatalf("reported offset %d last4 %q in %q", off, last4, data)
		}
		rest := data[off:]
		for i := 0; i < len(joiners); i++ {
			rest = bytes.ReplaceAll(rest, []byte{joiners[i]}, nil)
		}
		if !bytes.Contains(rest, []byte(last4)) {
			t.Fatalf("last4 %q not in %q", last4, data[off:])
		}
	})
}

func TestLuhn(t *testing.T) {
	for number, want := range map[string]bool{"4242424242424242": true, "4242424242424241": false, "378282246310005": true, "79927398713": true, "79927398710": false, "": false, "42a2": false} {
		if got := Luhn(number); got != want {
			t.Errorf("Luhn(%q) = %v, want %v", number, got, want)
		}
	}
}

// Hex hashes, as emulator.json keeps for idempotency keys, hold whole runs
// that read as card numbers often enough (about one in two thousand) to
// make writes fail at random unless runs glued to letters are skipped.
func TestScanStoredIgnoresHashes(t *testing.T) {
	var text []byte
	found := 0
	for i := range 65536 {
		sum := sha256.Sum256([]byte{byte(i), byte(i >> 8)})
		h := []byte(`"hash":"` + hex.EncodeToString(sum[:]) + `",`)
		if off, _ := FindCardNumber(h, CardScan{Joiners: " "}); off >= 0 {
			found++
		}
		text = append(text, h...)
	}
	if found == 0 {
		t.Fatal("no hash holds a card-like run: the test proves nothing")
	}
	if off, last4 := FindCardNumber(text, ScanStored); off >= 0 {
		t.Errorf("a hash is a card number ending %s at %d", last4, off)
	}
}
