package identity

import (
	"context"
	"fmt"
	"log/slog"
	"math"
	"net/http"
	"strconv"
	"time"

	"github.com/danielgtaylor/huma/v2"
	"gorm.io/gorm"

	"github.com/werkhaven/werkhaven/backend/internal/authz"
	"github.com/werkhaven/werkhaven/backend/internal/platform/httpapi"
	"github.com/werkhaven/werkhaven/backend/internal/platform/msg"
)

// ReadLimitedOperations are the reads a scraper would repeat: pools and
// candidates. ReadLimiter counts them per account.
var ReadLimitedOperations = []string{"getPool", "listPoolEstimates", "listFittingOpenings", "listCandidates", "getCandidate", "getCandidateIdentity"}

// ReadLimiter allows each account PerMinute reads of ReadLimitedOperations
// per clock minute; more answer 429 readLimit with Retry-After (the seconds
// left in the minute). The count lives in read_counts, one row per account
// and minute bumped by a single statement on the database's clock, so every
// server process shares it. A fixed window lets a burst of up to twice the
// limit straddle a minute's end; that is the price of one row per minute.
type ReadLimiter struct {
	DB        *gorm.DB
	PerMinute int // 0: no limit
	Log       *slog.Logger
}

// Install adds the limiter to api as a huma middleware; install it after
// the guard, which puts the caller's principal in the context.
func (l *ReadLimiter) Install(api huma.API) {
	if l.PerMinute <= 0 {
		return
	}
	limited := map[string]bool{}
	for _, id := range ReadLimitedOperations {
		limited[id] = true
	}
	api.UseMiddleware(func(ctx huma.Context, next func(huma.Context)) {
		p, ok := authz.From(ctx.Context())
		if !ok || !limited[ctx.Operation().OperationID] {
			next(ctx)
			return
		}
		wait, err := l.Take(ctx.Context(), p.UserID)
		switch {
		case err != nil:
			// The database down is a 503; otherwise the read goes on
			// uncounted rather than failing for the counter's sake.
			if pr, ok := httpapi.FromError(err).(*httpapi.Problem); ok {
				httpapi.WriteProblem(api, ctx, pr)
				return
			}
			if l.Log != nil {
				l.Log.ErrorContext(ctx.Context(), "read limit", "error", err)
			}
		case wait > 0:
			pr := httpapi.Coded(http.StatusTooManyRequests, "readLimit", msg.M("identity.readLimit", l.PerMinute))
			pr.Limit = l.PerMinute
			ctx.SetHeader("Retry-After", strconv.Itoa(max(int(math.Ceil(wait.Seconds())), 1)))
			httpapi.WriteProblem(api, ctx, pr)
			return
		}
		next(ctx)
	})
}

// Take counts one read of userID and returns how long until the account
// may read again when it is over the limit, zero otherwise.
func (l *ReadLimiter) Take(ctx context.Context, userID string) (time.Duration, error) {
	var r struct {
		Reads int
		Left  float64
	}
	err := l.DB.WithContext(ctx).Raw(`INSERT INTO read_counts AS c (user_id, window_start, reads)
		VALUES (?, date_trunc('minute', clock_timestamp()), 1)
		ON CONFLICT (user_id, window_start) DO UPDATE SET reads = c.reads + 1
		RETURNING c.reads, extract(epoch FROM c.window_start + interval '1 minute' - clock_timestamp())::float8 AS left`, userID).Scan(&r).Error
	if err != nil {
		return 0, fmt.Errorf("read limit: %w", err)
	}
	if r.Reads <= l.PerMinute {
		return 0, nil
	}
	return time.Duration(r.Left * float64(time.Second)), nil
}
