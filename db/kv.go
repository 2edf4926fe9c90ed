package db

import (
	"context"
	"crypto/rand"
	"database/sql"
	"errors"
	"fmt"
	"time"
)

// KV is a key-value store with expiry on the database, in the shape of
// fiber.Storage, so that sessions and CSRF tokens survive a restart without
// fiber's cgo-based SQLite storage.
type KV struct {
	s *Store
}

// kvExtendSlack is how much later an expiry must move before it is written.
const kvExtendSlack = 10 * 60 // seconds

// KV returns the key-value store kept in the database.
func (s *Store) KV() *KV { return &KV{s: s} }

// Get returns the value of key, or nil when it is missing or expired.
func (k *KV) Get(key string) ([]byte, error) {
	if key == "" {
		return nil, nil
	}
	var val []byte
	var exp int64
	err := k.s.read.QueryRow("SELECT value, expires_at FROM kv WHERE key = ?", key).Scan(&val, &exp)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("db: kv get: %w", err)
	}
	if exp != 0 && exp <= time.Now().Unix() {
		return nil, nil
	}
	return val, nil
}

// Set stores val under key; a zero exp keeps it until deleted.
func (k *KV) Set(key string, val []byte, exp time.Duration) error {
	if key == "" || len(val) == 0 {
		return nil
	}
	var expires int64
	if exp > 0 {
		expires = time.Now().Add(exp).Unix()
	}
	// Fiber's CSRF middleware extends its token on every request; rewriting
	// the same value for a few minutes' more life would cost a durable write
	// per page view, so a small extension is skipped.
	var old []byte
	var oldExpires int64
	err := k.s.read.QueryRow("SELECT value, expires_at FROM kv WHERE key = ?", key).Scan(&old, &oldExpires)
	if err == nil && string(old) == string(val) && (expires == oldExpires || (oldExpires != 0 && expires != 0 && expires-oldExpires < kvExtendSlack)) {
		return nil
	}
	return k.exec(`INSERT INTO kv (key, value, expires_at) VALUES (?, ?, ?)
		ON CONFLICT (key) DO UPDATE SET value = excluded.value, expires_at = excluded.expires_at`, key, val, expires)
}

// Delete removes key.
func (k *KV) Delete(key string) error {
	return k.exec("DELETE FROM kv WHERE key = ?", key)
}

// Reset removes every key.
func (k *KV) Reset() error { return k.exec("DELETE FROM kv") }

// Close does nothing: the Store owns the connection.
func (k *KV) Close() error { return nil }

// DeleteExpired removes keys whose time is up.
func (k *KV) DeleteExpired() error {
	return k.exec("DELETE FROM kv WHERE expires_at != 0 AND expires_at <= ?", time.Now().Unix())
}

func (k *KV) exec(query string, args ...any) error {
	ctx := context.Background()
	err := k.s.tx(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, query, args...)
		return err
	})
	if err != nil {
		return fmt.Errorf("db: kv: %w", err)
	}
	return nil
}

// Secret returns the random key stored under name, making it on first use.
// Several servers on one database agree on it: the first to store it wins.
func (s *Store) Secret(ctx context.Context, name string) ([]byte, error) {
	key := make([]byte, 32)
	if _, err := rand.Read(key); err != nil {
		return nil, err
	}
	var got []byte
	err := s.tx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, "INSERT OR IGNORE INTO kv (key, value, expires_at) VALUES (?, ?, 0)", name, key); err != nil {
			return err
		}
		return tx.QueryRowContext(ctx, "SELECT value FROM kv WHERE key = ?", name).Scan(&got)
	})
	if err != nil {
		return nil, fmt.Errorf("db: secret %s: %w", name, err)
	}
	return got, nil
}
