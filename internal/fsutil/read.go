package fsutil

import (
	"io"
	"os"
)

// ReadAll reads f from where it is to its end in one buffer of its size.
// Growing a buffer as io.ReadAll does, or decoding from the file in
// chunks, copies it several times over, which for the files read whole at
// start-up (the state, the emulator's log) costs more than decoding them.
// A file cut while it is read yields what was read.
func ReadAll(f *os.File) ([]byte, error) {
	fi, err := f.Stat()
	if err != nil {
		return nil, err
	}
	data := make([]byte, fi.Size())
	preferHugePages(data)
	n, err := io.ReadFull(f, data)
	if err == io.ErrUnexpectedEOF || err == io.EOF {
		err = nil
	}
	return data[:n], err
}
