// Package database opens Werkhaven's PostgreSQL connections: one pgx pool that
// River uses directly and GORM uses through database/sql, so the app holds a
// single pool whatever library runs the query.
package database

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"time"

	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/jackc/pgx/v5/stdlib"
	"gorm.io/driver/postgres"
	"gorm.io/gorm"
	"gorm.io/gorm/logger"
)

// DB bundles the pool and the GORM handle over it.
type DB struct {
	Pool *pgxpool.Pool
	Gorm *gorm.DB
}

// Options tune Open; the zero value is fine.
type Options struct {
	MaxConns int32
	Logger   *slog.Logger
}

// Open connects to url and checks the connection.
func Open(ctx context.Context, url string, opts Options) (*DB, error) {
	pcfg, err := pgxpool.ParseConfig(url)
	if err != nil {
		return nil, fmt.Errorf("parse DATABASE_URL: %w", err)
	}
	if opts.MaxConns > 0 {
		pcfg.MaxConns = opts.MaxConns
	}
	pcfg.ConnConfig.ConnectTimeout = 5 * time.Second
	pool, err := pgxpool.NewWithConfig(ctx, pcfg)
	if err != nil {
		return nil, fmt.Errorf("open database: %w", err)
	}
	pingCtx, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	if err := pool.Ping(pingCtx); err != nil {
		pool.Close()
		return nil, fmt.Errorf("connect to database %s: %w", redact(pcfg), err)
	}
	log := opts.Logger
	if log == nil {
		log = slog.Default()
	}
	g, err := gorm.Open(postgres.New(postgres.Config{Conn: stdlib.OpenDBFromPool(pool)}), &gorm.Config{
		// Values are personal data more often than not: never log them.
		Logger: logger.NewSlogLogger(log, logger.Config{
			SlowThreshold:             250 * time.Millisecond,
			LogLevel:                  logger.Warn,
			IgnoreRecordNotFoundError: true,
			ParameterizedQueries:      true,
		}),
		TranslateError: false,
		NowFunc:        func() time.Time { return time.Now().UTC() },
	})
	if err != nil {
		pool.Close()
		return nil, fmt.Errorf("open gorm: %w", err)
	}
	return &DB{Pool: pool, Gorm: g}, nil
}

// Close releases every connection.
func (db *DB) Close() {
	if sqlDB, err := db.Gorm.DB(); err == nil {
		_ = sqlDB.Close()
	}
	db.Pool.Close()
}

// Ping checks that the database answers, for readiness probes.
func (db *DB) Ping(ctx context.Context) error { return db.Pool.Ping(ctx) }

// Postgres error codes the stores translate into domain errors.
const (
	CodeUniqueViolation    = "23505"
	CodeExclusionViolation = "23P01"
	CodeForeignKey         = "23503"
	CodeCheckViolation     = "23514"
	CodeInvalidText        = "22P02" // e.g. a malformed uuid
)

// IsCode reports whether err is a Postgres error with the given SQLSTATE.
func IsCode(err error, code string) bool {
	var pgErr *pgconn.PgError
	return errors.As(err, &pgErr) && pgErr.Code == code
}

func redact(c *pgxpool.Config) string {
	return fmt.Sprintf("%s@%s:%d/%s", c.ConnConfig.User, c.ConnConfig.Host, c.ConnConfig.Port, c.ConnConfig.Database)
}
