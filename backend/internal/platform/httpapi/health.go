package httpapi

import (
	"context"
	"log/slog"
	"sync"
	"time"

	"github.com/gofiber/fiber/v2"
)

// Check is one dependency /readyz reports on.
type Check struct {
	Name  string
	Check func(ctx context.Context) error
}

type checkResult struct {
	Status    string `json:"status"`
	Error     string `json:"error,omitempty"`
	LatencyMs int64  `json:"latencyMs"`
}

type readiness struct {
	Status string                 `json:"status"`
	Checks map[string]checkResult `json:"checks"`
}

// healthz says the process is alive; it checks nothing else, so a
// dependency outage never gets the process restarted.
func healthz(c *fiber.Ctx) error {
	c.Set(fiber.HeaderCacheControl, "no-store")
	return c.JSON(fiber.Map{"status": "ok"})
}

// readyz checks every dependency at each call, concurrently, with a short
// timeout, so an outage shows within seconds and recovery needs no restart.
func readyz(log *slog.Logger, checks []Check) fiber.Handler {
	return func(c *fiber.Ctx) error {
		res := readiness{Status: "ok", Checks: make(map[string]checkResult, len(checks))}
		var mu sync.Mutex
		var wg sync.WaitGroup
		for _, chk := range checks {
			wg.Add(1)
			go func() {
				defer wg.Done()
				ctx, cancel := context.WithTimeout(c.UserContext(), 2*time.Second)
				defer cancel()
				start := time.Now()
				err := chk.Check(ctx)
				r := checkResult{Status: "ok", LatencyMs: time.Since(start).Milliseconds()}
				if err != nil {
					// Details (hosts, ports) go to the log, not to the world.
					log.Warn("readiness check failed", "check", chk.Name, "error", err)
					r.Status, r.Error = "error", "unreachable"
				}
				mu.Lock()
				res.Checks[chk.Name] = r
				if err != nil {
					res.Status = "unavailable"
				}
				mu.Unlock()
			}()
		}
		wg.Wait()
		c.Set(fiber.HeaderCacheControl, "no-store")
		if res.Status != "ok" {
			return c.Status(fiber.StatusServiceUnavailable).JSON(res)
		}
		return c.JSON(res)
	}
}
