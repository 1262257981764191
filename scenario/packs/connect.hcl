# pack:connect: one account token per business type, each made into a Connect custom account.
#
# The individual's account then gets its id number from a PII token: an
# id_number use names the block whose account it goes to (account =
# token.individual), which comes first. tokenscope use pii_… --id-number-for
# acct_… does the same by hand.

token "individual" {
  account {
    business_type = "individual"
    first_name    = "Jenny"
    last_name     = "Rosen"
  }
  use "account" {}
}

token "company" {
  account {
    business_type = "company"
  }
  use "account" {}
}

# the individual's id number: id_number_provided becomes true
token "individual_id_number" {
  pii {
    preset = "id_match"
  }
  use "id_number" {
    account = token.individual
  }
}
