package ui

import (
	"fmt"
	"testing"
)

func TestScratch(t *testing.T) {
	for _, sz := range [][2]int{{80, 24}, {120, 40}} {
		a := newApp(t, newSession(t, fixtures(t)), sz[0], sz[1])
		fmt.Println(a.View())
		fmt.Println("-----")
	}
	a := newApp(t, newSession(t, nil), 80, 24)
	fmt.Println(a.View())
}
