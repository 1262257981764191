# pack:3ds: one token per 3D Secure test card, each confirmed in a PaymentIntent.
#
# The cards that ask stop in requires_action: complete or fail each one with
# `tokenscope authenticate PI [--fail]` (the PaymentIntent ids are in the
# apply's output and in each token's detail). Against Stripe, open the page
# next_action names instead.

# 3D Secure on every payment: requires_action
token "threeds_always" {
  card {
    preset = "threeds_always"
  }
  use "payment_intent" {
    amount   = 1000
    currency = "usd"
  }
}

# 3D Secure 2 required, with a return_url: next_action redirect_to_url
token "threeds_required" {
  card {
    preset = "threeds_required"
  }
  use "payment_intent" {
    amount     = 1000
    currency   = "usd"
    return_url = "https://example.com/done"
  }
}

# 3D Secure unless set up: on session it asks
token "threeds_setup" {
  card {
    preset = "threeds_setup"
  }
  use "payment_intent" {
    amount   = 1000
    currency = "usd"
  }
}

# asks, then declines once authenticated: card_declined
token "threeds_declined" {
  card {
    preset = "threeds_declined"
  }
  use "payment_intent" {
    amount   = 1000
    currency = "usd"
  }
}

# asks, then insufficient_funds once authenticated
token "threeds_no_funds" {
  card {
    preset = "threeds_no_funds"
  }
  use "payment_intent" {
    amount   = 1000
    currency = "usd"
  }
}

# asks, with manual capture: requires_capture once authenticated
token "threeds_manual_capture" {
  card {
    preset = "threeds_always"
  }
  use "payment_intent" {
    amount         = 2500
    currency       = "usd"
    capture_method = "manual"
  }
}

# 3D Secure supported, not required: succeeded at once
token "threeds_supported" {
  card {
    preset = "threeds_supported"
  }
  use "payment_intent" {
    amount   = 1000
    currency = "usd"
  }
}
