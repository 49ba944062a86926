# The conformance test's application (tests/iac/test_conformance.py), the Terraform twin of app.yaml.
resource "aws_iam_role" "api" {
  assume_role_policy = jsonencode({
    Statement = [{ Effect = "Allow", Principal = { Service = "lambda.amazonaws.com" }, Action = "sts:AssumeRole" }]
  })
}

resource "aws_iam_role_policy" "api_jobs" {
  role = aws_iam_role.api.id
  policy = jsonencode({
    Statement = [{ Effect = "Allow", Action = "sqs:SendMessage", Resource = aws_sqs_queue.jobs.arn }]
  })
}

resource "aws_security_group" "api" {
  description = "api"
}

resource "aws_lambda_function" "api" {
  function_name = "api"
  runtime       = "nodejs22.x"
  handler       = "index.handler"
  role          = aws_iam_role.api.arn
  environment {
    variables = {
      TABLE = aws_dynamodb_table.orders.name
    }
  }
}

resource "aws_security_group" "db" {
  description = "db"
  ingress {
    from_port       = 5432
    to_port         = 5432
    protocol        = "tcp"
    security_groups = [aws_security_group.api.id]
  }
}

resource "aws_db_instance" "db" {
  engine                 = "postgres"
  instance_class         = "db.t4g.micro"
  allocated_storage      = 20
  multi_az               = false
  storage_encrypted      = true
  vpc_security_group_ids = [aws_security_group.db.id]
}

resource "aws_dynamodb_table" "orders" {
  name         = "orders"
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "id"
}

resource "aws_sqs_queue" "jobs" {}

resource "aws_lambda_function" "worker" {
  function_name = "worker"
  runtime       = "nodejs22.x"
  handler       = "index.handler"
  role          = "arn:aws:iam::123456789012:role/worker"
}

resource "aws_lambda_event_source_mapping" "worker_jobs" {
  event_source_arn = aws_sqs_queue.jobs.arn
  function_name    = aws_lambda_function.worker.arn
}

resource "aws_sns_topic" "alerts" {}

resource "aws_s3_bucket" "audit" {}
