# pack:disputes: one token per dispute test card, each charged so its dispute opens.
#
# Each charge succeeds, then Stripe's test mode disputes it: answer with
# tokenscope dispute CH --evidence winning_evidence (or losing_evidence), or
# --close to accept the loss.

# charge succeeds, then a dispute opens: fraudulent, needs_response
token "dispute_fraudulent" {
  card {
    preset = "dispute_fraudulent"
  }
  use "charge" {
    amount   = 2000
    currency = "usd"
  }
}

# charge succeeds, then a dispute opens: product_not_received, needs_response
token "dispute_not_received" {
  card {
    preset = "dispute_not_received"
  }
  use "charge" {
    amount   = 2000
    currency = "usd"
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
