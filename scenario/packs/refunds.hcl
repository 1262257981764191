# pack:refunds: one token per refund test card, each charged, then refunded.
#
# Each refund step refunds the charge its token's use made: amount = N for
# part of it, all that remains without. visa is refunded 5.00, then the
# rest (refunded: true); refund_pending's refund is pending, then
# succeeds; refund_fails's succeeds, then fails (5 s later offline, with
# charge.refund.updated). tokenscope refund CH does the same by hand.

# charge succeeds; a partial refund, then the rest, each succeeding at once
token "visa" {
  card {
    preset = "visa"
  }
  use "charge" {
    amount   = 2000
    currency = "usd"
  }
  refund {
    amount = 500
  }
  refund {}
}

# charge succeeds; a refund is pending, then succeeds
token "refund_pending" {
  card {
    preset = "refund_pending"
  }
  use "charge" {
    amount   = 2000
    currency = "usd"
  }
  refund {}
}

# charge succeeds; a refund succeeds, then fails
token "refund_fails" {
  card {
    preset = "refund_fails"
  }
  use "charge" {
    amount   = 2000
    currency = "usd"
  }
  refund {}
}

# charge authorized, not captured (capture=false); 15.00 of 20.00 captured,
# the other 5.00 released
token "authorized" {
  card {
    preset = "visa"
  }
  use "authorize" {
    amount   = 2000
    currency = "usd"
  }
  capture {
    amount = 1500
  }
}

# charge authorized, then released whole by a refund: no money moves
token "authorization_released" {
  card {
    preset = "visa"
  }
  use "authorize" {
    amount   = 1000
    currency = "usd"
  }
  refund {}
}
