package emulator

import (
	"net/http"
	"strings"
	"time"

	"github.com/tokenscope/tokenscope/model"
)

// DefaultVersion is the API version the emulator answers in: the one
// stripe-go v85 pins (stripe.APIVersion), so stripe-go and the emulator
// agree on the shape of every object. It renders that shape only.
const DefaultVersion = "2026-03-25.dahlia"

const (
	versionHeader = "Stripe-Version"
	// renderedFamily: the monthly versions of DefaultVersion's major
	// release add to its shape and change nothing, so an answer in it is
	// an answer in each of them.
	renderedFamily = ".dahlia"
	// earliestListed is the oldest version in versions; a date-shaped
	// version before it is taken for one of Stripe's early versions.
	earliestListed = "2014-10-07"
)

// newestListed is the newest version in versions; a well-formed named
// version after it (newerVersion) is taken for one Stripe published
// since: the newest stripe-node and stripe-go pin their release's
// version, which an emulator built before it must not refuse.
var newestListed = versions[len(versions)-1]

// versions are Stripe's published API versions (its changelog, from
// 2014-10-07 on). A request may pin any of them: a CI suite pinned to an
// older version keeps running, answered in DefaultVersion's shape and
// told so (answeredIn), never told its version is invalid.
var versions = []string{
	"2014-10-07", "2014-11-05", "2014-11-20", "2014-12-08", "2014-12-17", "2014-12-22",
	"2015-01-11", "2015-01-26", "2015-02-10", "2015-02-16", "2015-02-18", "2015-03-24", "2015-04-07",
	"2015-06-15", "2015-07-07", "2015-07-13", "2015-07-28", "2015-08-07", "2015-08-19", "2015-09-03",
	"2015-09-08", "2015-09-23", "2015-10-01", "2015-10-12", "2015-10-16",
	"2016-02-03", "2016-02-19", "2016-02-22", "2016-02-23", "2016-02-29", "2016-03-07", "2016-06-15",
	"2016-07-06", "2016-10-19",
	"2017-01-27", "2017-02-14", "2017-04-06", "2017-05-25", "2017-06-05", "2017-08-15", "2017-12-14",
	"2018-01-23", "2018-02-05", "2018-02-06", "2018-02-28", "2018-05-21", "2018-07-27", "2018-08-23",
	"2018-09-06", "2018-09-24", "2018-10-31", "2018-11-08",
	"2019-02-11", "2019-02-19", "2019-03-14", "2019-05-16", "2019-08-14", "2019-09-09", "2019-10-08",
	"2019-10-17", "2019-11-05", "2019-12-03",
	"2020-03-02", "2020-08-27", "2022-08-01", "2022-11-15", "2023-08-16", "2023-10-16",
	"2024-04-10", "2024-06-20",
	"2024-09-30.acacia", "2024-10-28.acacia", "2024-11-20.acacia", "2024-12-18.acacia",
	"2025-01-27.acacia", "2025-02-24.acacia",
	"2025-03-31.basil", "2025-04-30.basil", "2025-05-28.basil", "2025-06-30.basil",
	"2025-07-30.basil", "2025-08-27.basil",
	"2025-09-30.clover", "2025-10-29.clover", "2025-11-17.clover", "2025-12-15.clover",
	"2026-01-28.clover", "2026-02-25.clover",
	"2026-03-25.dahlia", "2026-04-22.dahlia", "2026-05-27.dahlia", "2026-06-24.dahlia",
	"2026-07-29.dahlia", "2026-08-26.dahlia",
	"2026-09-30.endive", "2026-10-28.endive", "2026-11-18.endive",
}

var versionSet = func() map[string]bool {
	m := make(map[string]bool, len(versions))
	for _, v := range versions {
		m[v] = true
	}
	return m
}()

// knownVersion: v is one of Stripe's versions, listed, earlier, or
// newer than the list.
func knownVersion(v string) bool {
	if versionSet[v] || newerVersion(v) {
		return true
	}
	_, err := time.Parse(time.DateOnly, v)
	return err == nil && v < earliestListed
}

// newerVersion: v is shaped as Stripe's versions are since 2024-09-30
// (a date, a dot, the release's name in lower case), dated after
// newestListed, and of its release or a later one (releases are named
// in alphabetical order), so not a typo of a listed version.
func newerVersion(v string) bool {
	date, name, ok := strings.Cut(v, ".")
	if _, err := time.Parse(time.DateOnly, date); err != nil || !ok || name == "" {
		return false
	}
	for _, r := range name {
		if r < 'a' || r > 'z' {
			return false
		}
	}
	newestDate, newestName, _ := strings.Cut(newestListed, ".")
	return date > newestDate && name >= newestName
}

// versionOf is the version a request's answer is in and, when the
// request pins one the emulator does not render, a note saying so; an
// unknown version is refused as Stripe refuses it, saying what the
// emulator renders.
func versionOf(r *http.Request) (answeredIn, note string, aerr *model.Error) {
	v := r.Header.Get(versionHeader)
	if v == "" {
		return DefaultVersion, "", nil
	}
	answeredIn, note, aerr = answerVersion("Stripe-Version", v)
	if aerr != nil {
		aerr.Message += " (the tokenscope emulator answers in " + DefaultVersion + "; it takes Stripe's published versions and answers each in that shape)"
	}
	return answeredIn, note, aerr
}

// answerVersion is the version the emulator answers in for a pinned
// version v (what, the header or parameter that pins it): v itself in
// the family it renders, else DefaultVersion with a note (a Warning
// header) saying so; an unknown v is refused as Stripe refuses it.
func answerVersion(what, v string) (answeredIn, note string, aerr *model.Error) {
	switch {
	case !knownVersion(v):
		return DefaultVersion, "", invalid("", "", "Invalid Stripe API version: "+v)
	case strings.HasSuffix(v, renderedFamily):
		return v, "", nil
	}
	newer := ""
	if newerVersion(v) {
		newer = ", newer than the versions it knows (up to " + newestListed + ")"
	}
	return DefaultVersion, `299 tokenscope "` + what + ` ` + v + ` is answered in ` + DefaultVersion +
		`, the only shape the emulator renders` + newer + `"`, nil
}
