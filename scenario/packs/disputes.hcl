# pack:disputes: one token per dispute test card, each charged so its dispute opens.
#
# Each charge succeeds, then Stripe's test mode disputes it. A dispute step
# answers it: evidence = "winning_evidence" puts it under review and test
# mode wins it a few seconds later ("losing_evidence" loses it); close =
# true accepts the loss at once. The inquiry is left open, to
# answer yourself: tokenscope dispute CH --evidence winning_evidence (or
# --close).

# charge succeeds, then a dispute opens: fraudulent, needs_response; evidence, under review, then won
token "dispute_fraudulent" {
  card {
    preset = "dispute_fraudulent"
  }
  use "charge" {
    amount   = 2000
    currency = "usd"
  }
  dispute {
    evidence = "winning_evidence"
  }
}

# charge succeeds, then a dispute opens: product_not_received, needs_response; closed, lost
token "dispute_not_received" {
  card {
    preset = "dispute_not_received"
  }
  use "charge" {
    amount   = 2000
    currency = "usd"
  }
  dispute {
    close = true
  }
}

# charge succeeds, then an inquiry opens: warning_needs_response
token "dispute_inquiry" {
  card {
    preset = "dispute_inquiry"
  }
  use "charge" {
    amount   = 2000
    currency = "usd"
  }
}
