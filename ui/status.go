package ui

// StatusMsg puts a line in the status line from outside the program, for
// what the user should know about the terminal itself (an SSH server
// drawing in less than the size the client asked for).
type StatusMsg string
