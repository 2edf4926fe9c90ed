package db

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"quiztrainer/quizzes"
)

// ErrLinkUsed is returned for a one-time link that does not exist, has
// expired or has been used.
var ErrLinkUsed = errors.New("the link has expired or has already been used")

// Link kinds.
const (
	LinkInvite = "invite"
	LinkReset  = "reset"
)

// Link is a one-time invitation or password-reset link. Only the SHA-256 of
// its token is stored.
type Link struct {
	ID        int64
	TokenHash []byte
	Kind      string
	UserID    int64        // reset: the account
	Username  string       // reset: the account's name
	Role      quizzes.Role // invite: the role the new account gets
	Note      string       // invite: whom it is for, as the admin wrote
	CreatedBy string
	CreatedAt time.Time
	ExpiresAt time.Time
}

// HashToken is how a one-time link's token is kept: its SHA-256.
func HashToken(token string) []byte {
	h := sha256.Sum256([]byte(token))
	return h[:]
}

// CreateInvitation stores an invitation link.
func (s *Store) CreateInvitation(ctx context.Context, l Link, by Actor) (Link, error) {
	l.Kind = LinkInvite
	err := s.tx(ctx, func(tx *sql.Tx) error {
		var err error
		if l.ID, err = insertLink(ctx, tx, l, by); err != nil {
			return err
		}
		return audit(ctx, tx, by, "invitation made", fmt.Sprintf("%s, for %q, until %s", l.Role, l.Note, l.ExpiresAt.UTC().Format(auditTime)))
	})
	if err != nil {
		return l, fmt.Errorf("db: create invitation: %w", err)
	}
	return l, nil
}

// CreateResetLink stores a password-reset link for an account; earlier
// unused reset links of that account stop working.
func (s *Store) CreateResetLink(ctx context.Context, l Link, by Actor) (Link, error) {
	l.Kind, l.Role = LinkReset, quizzes.RoleTeacher
	err := s.tx(ctx, func(tx *sql.Tx) error {
		if err := tx.QueryRowContext(ctx, "SELECT username FROM users WHERE id = ?", l.UserID).Scan(&l.Username); err != nil {
			return notFound(err, "load user")
		}
		if _, err := tx.ExecContext(ctx, "DELETE FROM account_links WHERE kind = 'reset' AND user_id = ? AND used_at IS NULL", l.UserID); err != nil {
			return err
		}
		var err error
		if l.ID, err = insertLink(ctx, tx, l, by); err != nil {
			return err
		}
		return audit(ctx, tx, by, "password-reset link made", fmt.Sprintf("for %q, until %s", l.Username, l.ExpiresAt.UTC().Format(auditTime)))
	})
	if err != nil {
		return l, fmt.Errorf("db: create reset link for account %d: %w", l.UserID, err)
	}
	return l, nil
}

func insertLink(ctx context.Context, tx *sql.Tx, l Link, by Actor) (int64, error) {
	res, err := tx.ExecContext(ctx, `INSERT INTO account_links (token_hash, kind, user_id, role, note, created_by, created_at, expires_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, l.TokenHash, l.Kind, nullID(l.UserID), l.Role, truncate(l.Note, 200), nullID(by.UserID), now(), timeText(l.ExpiresAt))
	if err != nil {
		return 0, err
	}
	return res.LastInsertId()
}

const linkColumns = `l.id, l.token_hash, l.kind, COALESCE(l.user_id, 0), COALESCE(u.username, ''), l.role, l.note,
	COALESCE(b.username, ''), l.created_at, l.expires_at
	FROM account_links l LEFT JOIN users u ON u.id = l.user_id LEFT JOIN users b ON b.id = l.created_by`

func scanLink(row interface{ Scan(...any) error }) (Link, error) {
	var l Link
	var created, expires sql.NullString
	err := row.Scan(&l.ID, &l.TokenHash, &l.Kind, &l.UserID, &l.Username, &l.Role, &l.Note, &l.CreatedBy, &created, &expires)
	l.CreatedAt, l.ExpiresAt = parseTime(created), parseTime(expires)
	return l, err
}

// OpenLink returns the unused, unexpired link of a kind whose token hashes
// to tokenHash, or ErrLinkUsed.
func (s *Store) OpenLink(ctx context.Context, kind string, tokenHash []byte) (Link, error) {
	l, err := scanLink(s.read.QueryRowContext(ctx, "SELECT "+linkColumns+`
		WHERE l.token_hash = ? AND l.kind = ? AND l.used_at IS NULL AND l.expires_at > ?`, tokenHash, kind, now()))
	if errors.Is(err, sql.ErrNoRows) {
		return l, ErrLinkUsed
	}
	if err != nil {
		return l, fmt.Errorf("db: load link: %w", err)
	}
	return l, nil
}

// Invitations lists the invitations that can still be accepted.
func (s *Store) Invitations(ctx context.Context) ([]Link, error) {
	rows, err := s.read.QueryContext(ctx, "SELECT "+linkColumns+`
		WHERE l.kind = 'invite' AND l.used_at IS NULL AND l.expires_at > ? ORDER BY l.id DESC`, now())
	if err != nil {
		return nil, fmt.Errorf("db: list invitations: %w", err)
	}
	defer rows.Close()
	var out []Link
	for rows.Next() {
		l, err := scanLink(rows)
		if err != nil {
			return nil, fmt.Errorf("db: list invitations: %w", err)
		}
		out = append(out, l)
	}
	return out, rows.Err()
}

// RevokeInvitation makes an unused invitation stop working.
func (s *Store) RevokeInvitation(ctx context.Context, id int64, by Actor) error {
	err := s.tx(ctx, func(tx *sql.Tx) error {
		if err := execOne(ctx, tx, "DELETE FROM account_links WHERE id = ? AND kind = 'invite' AND used_at IS NULL", id); err != nil {
			return err
		}
		return audit(ctx, tx, by, "invitation withdrawn", fmt.Sprintf("invitation %d", id))
	})
	if err != nil {
		return fmt.Errorf("db: withdraw invitation %d: %w", id, err)
	}
	return nil
}

// consume marks a link used in tx. Of any number of requests that present
// the same token at once, exactly one sees its row change.
func consume(ctx context.Context, tx *sql.Tx, kind string, tokenHash []byte) (Link, error) {
	var l Link
	var userID sql.NullInt64
	err := tx.QueryRowContext(ctx, `UPDATE account_links SET used_at = ?
		WHERE token_hash = ? AND kind = ? AND used_at IS NULL AND expires_at > ?
		RETURNING id, role, user_id, note`, now(), tokenHash, kind, now()).Scan(&l.ID, &l.Role, &userID, &l.Note)
	if errors.Is(err, sql.ErrNoRows) {
		return l, ErrLinkUsed
	}
	l.Kind, l.UserID = kind, userID.Int64
	return l, err
}

// AcceptInvitation uses an invitation to make the account u (username and
// password hash) with the invitation's role. When the username is taken
// nothing changes and the invitation stays usable.
func (s *Store) AcceptInvitation(ctx context.Context, tokenHash []byte, u quizzes.User, address string) (quizzes.User, error) {
	err := s.tx(ctx, func(tx *sql.Tx) error {
		l, err := consume(ctx, tx, LinkInvite, tokenHash)
		if err != nil {
			return err
		}
		u.Role = l.Role
		if u.ID, err = insertUser(ctx, tx, u); err != nil {
			return err
		}
		_, err = tx.ExecContext(ctx, "UPDATE account_links SET user_id = ? WHERE id = ?", u.ID, l.ID)
		if err != nil {
			return err
		}
		return audit(ctx, tx, Actor{UserID: u.ID, Username: u.Username, Address: address}, "invitation accepted",
			fmt.Sprintf("%s %q, invitation %d", u.Role, u.Username, l.ID))
	})
	if err != nil {
		return u, fmt.Errorf("db: accept invitation: %w", err)
	}
	return u, nil
}

// UseResetLink uses a password-reset link to store a new password hash for
// its account and ends every session of that account.
func (s *Store) UseResetLink(ctx context.Context, tokenHash []byte, hash string, address string) (quizzes.User, error) {
	var u quizzes.User
	err := s.tx(ctx, func(tx *sql.Tx) error {
		l, err := consume(ctx, tx, LinkReset, tokenHash)
		if err != nil {
			return err
		}
		if u, err = scanUser(tx.QueryRowContext(ctx, "SELECT "+userColumns+" FROM users WHERE id = ?", l.UserID)); err != nil {
			return notFound(err, "load user")
		}
		if _, err := tx.ExecContext(ctx, "UPDATE users SET password_hash = ? WHERE id = ?", hash, u.ID); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, "DELETE FROM teacher_sessions WHERE user_id = ?", u.ID); err != nil {
			return err
		}
		u.PasswordHash = hash
		return audit(ctx, tx, Actor{UserID: u.ID, Username: u.Username, Address: address}, "password reset by link", u.Username)
	})
	if err != nil {
		return u, fmt.Errorf("db: use reset link: %w", err)
	}
	return u, nil
}
