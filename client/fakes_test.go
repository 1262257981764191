package client_test

import (
	"net/http"
	"testing"

	"github.com/tokenscope/tokenscope/internal/testio"

	"github.com/tokenscope/tokenscope/client"
)

// offlineClientNoEmu is a client on a handler that knows no token.
func offlineClientNoEmu(t testing.TB, logSize int) *client.Client {
	t.Helper()
	c, err := client.New(client.Config{Handler: testio.Answer(http.StatusNotFound, testio.MissingToken), LogSize: logSize})
	if err != nil {
		t.Fatal(err)
	}
	return c
}
