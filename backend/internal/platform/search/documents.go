package search

import (
	"context"
	"fmt"

	"github.com/meilisearch/meilisearch-go"
)

// Put adds or replaces documents in the live index ix and waits until
// Meilisearch has applied them, so a job that calls it fails (and is
// retried) rather than losing a write.
func (c *Client) Put(ctx context.Context, ix Index, docs ...any) error {
	if len(docs) == 0 {
		return nil
	}
	pk := ix.PrimaryKey
	info, err := c.Index(ix.Name).AddDocumentsWithContext(ctx, docs, &meilisearch.DocumentOptions{PrimaryKey: &pk})
	if err := c.wait(ctx, info, err); err != nil {
		return fmt.Errorf("put documents into %s: %w", c.UID(ix.Name), err)
	}
	return nil
}

// Remove deletes documents by id from the live index and waits for it.
// Removing a document that is not there succeeds.
func (c *Client) Remove(ctx context.Context, ix Index, ids ...string) error {
	if len(ids) == 0 {
		return nil
	}
	info, err := c.Index(ix.Name).DeleteDocumentsWithContext(ctx, ids, nil)
	if err := c.wait(ctx, info, err); err != nil {
		return fmt.Errorf("remove documents from %s: %w", c.UID(ix.Name), err)
	}
	return nil
}
