"""Private files (support attachments, claim photos): stored where no public URL reaches them."""
