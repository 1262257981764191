# pack:refunds: one token per refund test card, each charged so it can be refunded.
#
# Scenario files have no refund step: refund each charge after the apply with
# tokenscope refund CH (--amount N for part of it). visa's refund succeeds at
# once; refund_pending's stays pending, then succeeds; refund_fails's stays
# pending, then fails.

# charge succeeds; a refund succeeds at once
token "visa" {
  card {
    preset = "visa"
  }
  use "charge" {
    amount   = 2000
    currency = "usd"
  }
}

# charge succeeds; a refund stays pending, then succeeds
token "refund_pending" {
  card {
    preset = "refund_pending"
  }
  use "charge" {
    amount   = 2000
    currency = "usd"
  }
}

# charge succeeds; a refund stays pending, then fails
token "refund_fails" {
  card {
    preset = "refund_fails"
  }
  use "charge" {
    amount   = 2000
    currency = "usd"
  }
}
