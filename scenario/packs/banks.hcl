# pack:banks: one token per test bank account, each attached to a new customer and verified.
#
# A verify step verifies the customer's bank account with the test
# micro-deposits (32 and 45). The account's debit outcome (account_closed,
# ...) shows on a later debit, not when it is attached: tokenscope use
# cus_… --charge 1500.

# debits succeed
token "bank_ok" {
  bank_account {
    preset = "bank_ok"
  }
  use "customer" {}
  verify {}
}

# debits fail: account_closed
token "bank_account_closed" {
  bank_account {
    preset = "bank_account_closed"
  }
  use "customer" {}
  verify {}
}

# debits fail: no_account
token "bank_no_account" {
  bank_account {
    preset = "bank_no_account"
  }
  use "customer" {}
  verify {}
}

# debits fail: insufficient_funds
token "bank_insufficient_funds" {
  bank_account {
    preset = "bank_insufficient_funds"
  }
  use "customer" {}
  verify {}
}

# debits fail: debit_not_authorized
token "bank_debit_not_authorized" {
  bank_account {
    preset = "bank_debit_not_authorized"
  }
  use "customer" {}
  verify {}
}

# debits fail: invalid_currency
token "bank_invalid_currency" {
  bank_account {
    preset = "bank_invalid_currency"
  }
  use "customer" {}
  verify {}
}

# debits stay processing
token "bank_processing" {
  bank_account {
    preset = "bank_processing"
  }
  use "customer" {}
  verify {}
}
