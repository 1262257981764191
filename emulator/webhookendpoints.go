package emulator

import (
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"github.com/tokenscope/tokenscope/internal/netaddr"
	"github.com/tokenscope/tokenscope/model"
)

const endpointsColl = "webhook_endpoints"

// Limits on what a client may ask of webhook endpoints: Stripe's 16
// endpoints per account, and bounds on what each one keeps.
const (
	maxEndpoints     = 16
	maxEndpointURL   = 2048
	maxEnabledEvents = 256
	maxDescription   = 5000
	secretLen        = 32
)

// endpointRec is a webhook endpoint. A deleted one is kept, marked, so
// that its delivery log stays readable: the store has no deletes.
type endpointRec struct {
	ID            string   `json:"id"`
	Created       int64    `json:"created"`
	URL           string   `json:"url"`
	Description   string   `json:"description,omitempty"`
	EnabledEvents []string `json:"enabled_events"`
	// Secret signs the deliveries (Stripe-Signature). It is shown once,
	// in the answer to the creation; test-mode and local, it is kept so
	// that any process on the state dir can deliver.
	Secret   string   `json:"secret"`
	Disabled bool     `json:"disabled,omitempty"`
	Deleted  bool     `json:"deleted,omitempty"`
	Metadata metadata `json:"metadata,omitempty"`
	// APIVersion is the version the endpoint was made for ("" for the
	// account's); the events sent to it say which version they are in
	// (endpointversion.go).
	APIVersion string `json:"api_version,omitempty"`
}

// wants reports whether the endpoint receives an event of typ made at t:
// one made before the endpoint was is not sent to it.
func (we *endpointRec) wants(typ string, t int64) bool {
	if we.Deleted || we.Disabled || we.Created > t {
		return false
	}
	return slices.Contains(we.EnabledEvents, "*") || slices.Contains(we.EnabledEvents, typ)
}

type endpointJSON struct {
	ID            string   `json:"id"`
	Object        string   `json:"object"`
	APIVersion    *string  `json:"api_version"`
	Application   *string  `json:"application"`
	Created       int64    `json:"created"`
	Description   *string  `json:"description"`
	EnabledEvents []string `json:"enabled_events"`
	Livemode      bool     `json:"livemode"`
	Metadata      metadata `json:"metadata"`
	Secret        string   `json:"secret,omitempty"`
	Status        string   `json:"status"`
	URL           string   `json:"url"`
}

func renderEndpoint(we *endpointRec) any {
	status := "enabled"
	if we.Disabled {
		status = "disabled"
	}
	return &endpointJSON{
		ID: we.ID, Object: "webhook_endpoint", APIVersion: opt(we.APIVersion), Created: we.Created,
		Description: opt(we.Description), EnabledEvents: we.EnabledEvents,
		Metadata: we.Metadata, Status: status, URL: we.URL,
	}
}

var endpointParams = []string{"url", "enabled_events[", "description", "api_version", "expand[", "metadata", "metadata["}

// createEndpoint is POST /v1/webhook_endpoints: the answer is the only
// one that shows the secret.
func createEndpoint(c *call) (any, *model.Error) {
	n := 0
	scan(c.objs, endpointsColl, "", false, func(we *endpointRec) bool {
		if !we.Deleted {
			n++
		}
		return true
	})
	if n >= maxEndpoints {
		return nil, invalid("", "", "You have reached the maximum of "+strconv.Itoa(maxEndpoints)+" test webhook endpoints.")
	}
	if c.params.get("url") == "" {
		return nil, missingParam("url")
	}
	if !c.params.has("enabled_events") {
		return nil, missingParam("enabled_events")
	}
	if v := c.params.get("api_version"); v != "" && !knownVersion(v) {
		return nil, invalid("", "api_version", "Invalid Stripe API version: "+v)
	}
	we := &endpointRec{ID: newID("we_", shortID), Created: c.now.Unix(), Secret: newID("whsec_", secretLen), APIVersion: c.params.get("api_version")}
	if aerr := setEndpoint(c, we); aerr != nil {
		return nil, aerr
	}
	c.objs.put(endpointsColl, we.ID, we)
	out := renderEndpoint(we).(*endpointJSON)
	out.Secret = we.Secret
	return out, nil
}

// setEndpoint applies url, enabled_events, description and metadata
// from c.
func setEndpoint(c *call, we *endpointRec) *model.Error {
	md, aerr := readMetadata(c.params, we.Metadata)
	if aerr != nil {
		return aerr
	}
	we.Metadata = md
	if c.params.Has("url") {
		u, aerr := endpointURL(c.params.get("url"), c.allowRemoteWebhooks)
		if aerr != nil {
			return aerr
		}
		we.URL = u
	}
	if c.params.has("enabled_events") {
		events := arrayParam(c.params, "enabled_events")
		switch {
		case len(events) == 0:
			return missingParam("enabled_events")
		case len(events) > maxEnabledEvents:
			return invalid("", "enabled_events", "You may enable at most "+strconv.Itoa(maxEnabledEvents)+" event types.")
		}
		for i, t := range events {
			if !stripeEventType(t) {
				return invalid("", "enabled_events["+strconv.Itoa(i)+"]", "Invalid enabled_events["+strconv.Itoa(i)+"]: "+strconv.Quote(t)+" is not one of Stripe's event types (or *).")
			}
		}
		slices.Sort(events)
		we.EnabledEvents = slices.Compact(events)
	}
	if c.params.Has("description") {
		if d := c.params.get("description"); len(d) > maxDescription {
			return invalid("", "description", "The description must be at most "+strconv.Itoa(maxDescription)+" characters.")
		} else {
			we.Description = d
		}
	}
	return nil
}

// endpointURL checks a webhook URL: http(s), no credentials in it, and on
// loopback unless the emulator was told to deliver elsewhere (a
// delivery is a request from this machine to wherever a client says).
func endpointURL(raw string, allowRemote bool) (string, *model.Error) {
	if len(raw) > maxEndpointURL {
		return "", invalid("url_invalid", "url", "The URL must be at most "+strconv.Itoa(maxEndpointURL)+" characters.")
	}
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || u.User != nil {
		return "", invalid("url_invalid", "url", "Invalid URL: "+model.MaskSecrets(raw)+" (an http or https URL without credentials).")
	}
	if !allowRemote && !netaddr.IsLoopback(u.Hostname()) {
		return "", invalid("url_invalid", "url", "The offline emulator delivers webhooks to loopback URLs only (localhost, 127.0.0.1, [::1]); start it with --allow-remote-webhooks to deliver elsewhere.")
	}
	return u.String(), nil
}

var endpointUpdateParams = []string{"url", "enabled_events[", "description", "disabled", "expand[", "metadata", "metadata["}

// updateEndpoint is POST /v1/webhook_endpoints/{id}.
func updateEndpoint(c *call) (any, *model.Error) {
	we, aerr := liveEndpoint(c)
	if aerr != nil {
		return nil, aerr
	}
	if aerr := setEndpoint(c, we); aerr != nil {
		return nil, aerr
	}
	if c.params.Has("disabled") {
		b, err := strconv.ParseBool(c.params.get("disabled"))
		if err != nil {
			return nil, invalid("parameter_invalid_boolean", "disabled", "Invalid boolean: "+c.params.get("disabled"))
		}
		we.Disabled = b
	}
	c.objs.put(endpointsColl, we.ID, we)
	return renderEndpoint(we), nil
}

func liveEndpoint(c *call) (*endpointRec, *model.Error) {
	we, ok := get[endpointRec](c.objs, endpointsColl, c.id())
	if !ok || we.Deleted {
		return nil, noSuch(http.StatusNotFound, "webhook_endpoint", c.id(), "id")
	}
	return we, nil
}

func getEndpoint(c *call) (any, *model.Error) {
	we, aerr := liveEndpoint(c)
	if aerr != nil {
		return nil, aerr
	}
	return renderEndpoint(we), nil
}

type deletedJSON struct {
	ID      string `json:"id"`
	Object  string `json:"object"`
	Deleted bool   `json:"deleted"`
}

// deleteEndpoint is DELETE /v1/webhook_endpoints/{id}: no more deliveries
// start; its log stays.
func deleteEndpoint(c *call) (any, *model.Error) {
	we, aerr := liveEndpoint(c)
	if aerr != nil {
		return nil, aerr
	}
	we.Deleted = true
	c.objs.put(endpointsColl, we.ID, we)
	return &deletedJSON{ID: we.ID, Object: "webhook_endpoint", Deleted: true}, nil
}

// listEndpoints is GET /v1/webhook_endpoints, newest first.
func listEndpoints(c *call) (any, *model.Error) {
	pg, aerr := readPage(c.params)
	if aerr != nil {
		return nil, aerr
	}
	keep := func(we *endpointRec) bool { return !we.Deleted }
	return collectionLister(c, endpointsColl, "/v1/webhook_endpoints", "webhook_endpoint", keep, renderEndpoint).page(pg)
}

// arrayParam reads an array parameter as stripe-go sends it (name[0]=a,
// name[1]=b) or as a form may (name[]=a), in index order.
func arrayParam(p params, name string) []string {
	type item struct {
		i int
		v string
	}
	var items []item
	for k, vs := range p.Values {
		rest, ok := strings.CutPrefix(k, name+"[")
		if !ok || !strings.HasSuffix(rest, "]") {
			continue
		}
		i, err := strconv.Atoi(strings.TrimSuffix(rest, "]"))
		if err != nil {
			i = -1 // name[]: in the order given, before indexed ones
		}
		for _, v := range vs {
			if v = strings.TrimSpace(v); v != "" {
				items = append(items, item{i, v})
			}
		}
	}
	slices.SortStableFunc(items, func(a, b item) int { return a.i - b.i })
	out := make([]string, len(items))
	for i, it := range items {
		out[i] = it.v
	}
	return out
}
