package httpapi

import (
	"context"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
)

// JobCounter reports how many background jobs are in each state.
type JobCounter interface {
	Counts(ctx context.Context) (map[string]int64, error)
}

// Metrics is the Prometheus registry of one process. It is not the global
// registry, so tests can build many servers.
type Metrics struct {
	Registry *prometheus.Registry
	requests *prometheus.CounterVec
	duration *prometheus.HistogramVec
}

// NewMetrics registers request metrics, Go runtime metrics and, when given,
// the database pool and job queue collectors.
func NewMetrics(pool *pgxpool.Pool, jobs JobCounter) *Metrics {
	reg := prometheus.NewRegistry()
	m := &Metrics{
		Registry: reg,
		requests: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "werkhaven_http_requests_total", Help: "HTTP requests by method, route and status.",
		}, []string{"method", "route", "status"}),
		duration: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name:    "werkhaven_http_request_duration_seconds",
			Help:    "HTTP request latency by method, route and status.",
			Buckets: []float64{.001, .0025, .005, .01, .025, .05, .1, .25, .5, 1, 2.5, 5, 10},
		}, []string{"method", "route", "status"}),
	}
	reg.MustRegister(m.requests, m.duration, collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	if pool != nil {
		reg.MustRegister(poolCollector{pool})
	}
	if jobs != nil {
		reg.MustRegister(jobCollector{jobs})
	}
	return m
}

func (m *Metrics) observe(method, route string, status int, d time.Duration) {
	s := itoa(status)
	m.requests.WithLabelValues(method, route, s).Inc()
	m.duration.WithLabelValues(method, route, s).Observe(d.Seconds())
}

var (
	poolAcquired = prometheus.NewDesc("werkhaven_db_pool_acquired_connections", "Connections in use.", nil, nil)
	poolIdle     = prometheus.NewDesc("werkhaven_db_pool_idle_connections", "Idle connections.", nil, nil)
	poolTotal    = prometheus.NewDesc("werkhaven_db_pool_total_connections", "Open connections.", nil, nil)
	poolMax      = prometheus.NewDesc("werkhaven_db_pool_max_connections", "Maximum connections.", nil, nil)
	poolWaits    = prometheus.NewDesc("werkhaven_db_pool_empty_acquire_total", "Acquires that had to wait for a connection.", nil, nil)
	poolWaitSecs = prometheus.NewDesc("werkhaven_db_pool_acquire_wait_seconds_total", "Time spent waiting for connections.", nil, nil)
	jobsByState  = prometheus.NewDesc("werkhaven_jobs", "Background jobs by state.", []string{"state"}, nil)
)

type poolCollector struct{ pool *pgxpool.Pool }

func (poolCollector) Describe(ch chan<- *prometheus.Desc) {
	for _, d := range []*prometheus.Desc{poolAcquired, poolIdle, poolTotal, poolMax, poolWaits, poolWaitSecs} {
		ch <- d
	}
}

func (p poolCollector) Collect(ch chan<- prometheus.Metric) {
	s := p.pool.Stat()
	ch <- prometheus.MustNewConstMetric(poolAcquired, prometheus.GaugeValue, float64(s.AcquiredConns()))
	ch <- prometheus.MustNewConstMetric(poolIdle, prometheus.GaugeValue, float64(s.IdleConns()))
	ch <- prometheus.MustNewConstMetric(poolTotal, prometheus.GaugeValue, float64(s.TotalConns()))
	ch <- prometheus.MustNewConstMetric(poolMax, prometheus.GaugeValue, float64(s.MaxConns()))
	ch <- prometheus.MustNewConstMetric(poolWaits, prometheus.CounterValue, float64(s.EmptyAcquireCount()))
	ch <- prometheus.MustNewConstMetric(poolWaitSecs, prometheus.CounterValue, s.EmptyAcquireWaitTime().Seconds())
}

type jobCollector struct{ jobs JobCounter }

func (jobCollector) Describe(ch chan<- *prometheus.Desc) { ch <- jobsByState }

func (j jobCollector) Collect(ch chan<- prometheus.Metric) {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	counts, err := j.jobs.Counts(ctx)
	if err != nil {
		ch <- prometheus.NewInvalidMetric(jobsByState, err)
		return
	}
	for _, state := range []string{"available", "scheduled", "running", "retryable", "completed", "cancelled", "discarded", "pending"} {
		ch <- prometheus.MustNewConstMetric(jobsByState, prometheus.GaugeValue, float64(counts[state]), state)
	}
}
