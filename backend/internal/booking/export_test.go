package booking

// NextInvoiceNumber lets the tests number invoices in transactions of
// their own.
var NextInvoiceNumber = nextInvoiceNumber
