package emulator

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"syscall"

	"github.com/tokenscope/tokenscope/internal/fsutil"
	"github.com/tokenscope/tokenscope/model"
)

// readJSONFile reads dir's emulator.json, reporting whether there is one.
func readJSONFile(dir string) (*memState, bool, error) {
	path := filepath.Join(dir, FileName)
	data, err := fsutil.ReadFileNoFollow(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, false, nil
	}
	if err != nil {
		return nil, false, fmt.Errorf("emulator: read %s: %w", path, err)
	}
	st, err := decodeJSONFile(data)
	if err != nil {
		return nil, false, model.Fault(model.CodeEmulatorCorrupt, fmt.Errorf("emulator: %s is not valid: %w", path, err))
	}
	return st, true, nil
}

// migrateJSON moves the objects of an emulator.json, which tokenscope kept
// them in before the log store, into the log store's first snapshot, and
// renames the file emulator.json.migrated. It does nothing once the log
// store has files. The caller holds the write lock.
func migrateJSON(dir string) error {
	files, err := listFiles(dir)
	if err != nil || len(files.logs)+len(files.snapshots) > 0 {
		return err
	}
	st, ok, err := readJSONFile(dir)
	if !ok || err != nil {
		return err
	}
	if _, err := writeSnapshot(dir, 1, st.snapshotOps(), st.objects, len(st.idem)); err != nil {
		return fmt.Errorf("emulator: move %s into the log store: %w", FileName, err)
	}
	path := filepath.Join(dir, FileName)
	if err := os.Rename(path, path+migratedSuffix); err != nil {
		return fmt.Errorf("emulator: %w", err)
	}
	return fsutil.SyncDir(dir)
}

// tidyUnlessCompacting tidies dir if no process is compacting it (a
// compaction's temp file is not left over). The caller holds the write
// lock.
func tidyUnlessCompacting(dir string) error {
	cl, err := fsutil.OpenFileLock(filepath.Join(dir, compactLockName))
	if err != nil {
		return err
	}
	defer cl.Close()
	if ok, err := cl.TryLock(); !ok || err != nil {
		return err
	}
	return tidy(dir)
}

// openLog opens a log for appending, or only for reading in a dir this
// user cannot write to.
func openLog(path string) (*os.File, error) {
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if errors.Is(err, fs.ErrPermission) || errors.Is(err, syscall.EROFS) {
		f, err = os.Open(path)
	}
	return f, err
}
